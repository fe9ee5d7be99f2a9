package io.otpspring.core.registry;

import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Where a registry stores its entries. It stores what it is given: whether a holder is alive is
 * for the registry to check on every read, and removing a dead holder's entries is for its
 * {@link Owner}. Changes for one process come from that process's {@code Owner}, under its lock.
 */
sealed interface KeyTable<K, V> permits UniqueKeys, DuplicateKeys {

    /** Stores {@code entry}, unless (unique keys) a live process holds its key. */
    Registration add(Entry<K, V> entry);

    /** Removes this very entry (by identity, not equality), if it is still stored. */
    void remove(Entry<K, V> entry);

    /** Runs {@code action} on each entry stored under {@code key}, whether its holder lives or not. */
    void forEach(K key, Consumer<? super Entry<K, V>> action);

    /** Runs {@code action} on every stored entry, whether its holder lives or not. */
    void forEach(Consumer<? super Entry<K, V>> action);

    /** Every stored entry, lazily (a limit stops the walk), whether its holder lives or not. */
    Stream<Entry<K, V>> stream();
}
