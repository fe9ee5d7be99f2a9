package io.otpspring.core.registry;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Unique keys: one entry per key, in one {@code ConcurrentHashMap}. Registrations of one key
 * serialize on its bin, so racing registrants have exactly one winner; a key whose holder is dead
 * (its exit listener not yet run) goes to the next registrant.
 */
final class UniqueKeys<K, V> implements KeyTable<K, V> {

    private final ConcurrentHashMap<K, Entry<K, V>> entries = new ConcurrentHashMap<>();

    @Override
    public Registration add(Entry<K, V> entry) {
        Entry<K, V> holder = entries.compute(entry.key(),
                (key, current) -> current == null || !current.pid().isAlive() ? entry : current);
        return holder == entry ? new Registration.Ok(entry.pid()) : new Registration.Taken(holder.pid());
    }

    @Override
    public void remove(Entry<K, V> entry) {
        entries.computeIfPresent(entry.key(), (key, current) -> current == entry ? null : current);
    }

    /** Puts {@code updated} in the place of {@code current}, if {@code current} is still stored. */
    void replace(Entry<K, V> current, Entry<K, V> updated) {
        entries.computeIfPresent(current.key(), (key, stored) -> stored == current ? updated : stored);
    }

    /** The entry stored under {@code key}, whether its holder lives or not. */
    @Nullable
    Entry<K, V> get(K key) {
        return entries.get(key);
    }

    @Override
    public void forEach(K key, Consumer<? super Entry<K, V>> action) {
        Entry<K, V> entry = entries.get(key);
        if (entry != null) {
            action.accept(entry);
        }
    }

    @Override
    public void forEach(Consumer<? super Entry<K, V>> action) {
        entries.values().forEach(action);
    }

    @Override
    public Stream<Entry<K, V>> stream() {
        return entries.values().stream();
    }
}
