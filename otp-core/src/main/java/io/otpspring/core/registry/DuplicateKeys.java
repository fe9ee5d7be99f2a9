package io.otpspring.core.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * Duplicate keys, partitioned by the hash of the pid as Elixir does: processes registering the
 * same key mostly touch different partitions, and a lookup gathers the key's entries from all of
 * them. In a partition, a key maps each of its holders to that holder's entries under it (a pid
 * may register a key several times, even with equal values); a holder or key left with no entry
 * is removed inside the same {@code compute}, so nothing empty lingers.
 */
final class DuplicateKeys<K, V> implements KeyTable<K, V> {

    private final List<ConcurrentHashMap<K, ConcurrentHashMap<Pid, List<Entry<K, V>>>>> partitions;

    DuplicateKeys(int partitions) {
        List<ConcurrentHashMap<K, ConcurrentHashMap<Pid, List<Entry<K, V>>>>> list = new ArrayList<>(partitions);
        for (int i = 0; i < partitions; i++) {
            list.add(new ConcurrentHashMap<>());
        }
        this.partitions = List.copyOf(list);
    }

    private ConcurrentHashMap<K, ConcurrentHashMap<Pid, List<Entry<K, V>>>> partitionOf(Pid pid) {
        return partitions.get(Math.floorMod(pid.hashCode(), partitions.size()));
    }

    @Override
    public Registration add(Entry<K, V> entry) {
        partitionOf(entry.pid()).compute(entry.key(), (key, holders) -> {
            ConcurrentHashMap<Pid, List<Entry<K, V>>> result = holders == null ? new ConcurrentHashMap<>() : holders;
            result.merge(entry.pid(), List.of(entry), DuplicateKeys::concat);
            return result;
        });
        return new Registration.Ok(entry.pid());
    }

    @Override
    public void remove(Entry<K, V> entry) {
        partitionOf(entry.pid()).computeIfPresent(entry.key(), (key, holders) -> {
            holders.computeIfPresent(entry.pid(), (pid, entries) -> without(entries, entry));
            return holders.isEmpty() ? null : holders;
        });
    }

    @Override
    public void forEach(K key, Consumer<? super Entry<K, V>> action) {
        for (ConcurrentHashMap<K, ConcurrentHashMap<Pid, List<Entry<K, V>>>> partition : partitions) {
            ConcurrentHashMap<Pid, List<Entry<K, V>>> holders = partition.get(key);
            if (holders != null) {
                holders.values().forEach(entries -> entries.forEach(action));
            }
        }
    }

    @Override
    public void forEach(Consumer<? super Entry<K, V>> action) {
        for (ConcurrentHashMap<K, ConcurrentHashMap<Pid, List<Entry<K, V>>>> partition : partitions) {
            partition.values().forEach(holders -> holders.values().forEach(entries -> entries.forEach(action)));
        }
    }

    @Override
    public Stream<Entry<K, V>> stream() {
        return partitions.stream().flatMap(partition -> partition.values().stream())
                .flatMap(holders -> holders.values().stream()).flatMap(List::stream);
    }

    private static <E> List<E> concat(List<E> first, List<E> second) {
        List<E> joined = new ArrayList<>(first.size() + second.size());
        joined.addAll(first);
        joined.addAll(second);
        return List.copyOf(joined);
    }

    /** {@code entries} without {@code entry} (by identity), or {@code null} when nothing is left. */
    private static <E> @Nullable List<E> without(List<E> entries, E entry) {
        List<E> rest = new ArrayList<>(entries.size());
        boolean found = false;
        for (E each : entries) {
            if (each == entry && !found) {
                found = true;
            }
            else {
                rest.add(each);
            }
        }
        return rest.isEmpty() ? null : List.copyOf(rest);
    }
}
