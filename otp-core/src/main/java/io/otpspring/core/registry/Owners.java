package io.otpspring.core.registry;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * A registry's bookkeeping by process: one {@link Owner} per process holding entries, with the
 * one exit listener that removes them. All changes to the table go through here.
 */
final class Owners<K, V> {

    private final Node node;
    private final KeyTable<K, V> table;
    private final String registry;
    private final ConcurrentHashMap<Pid, Owner<K, V>> byPid = new ConcurrentHashMap<>();

    Owners(Node node, KeyTable<K, V> table, String registry) {
        this.node = node;
        this.table = table;
        this.registry = registry;
    }

    Node node() {
        return node;
    }

    KeyTable<K, V> table() {
        return table;
    }

    /** Stores {@code entry}; a record that retires meanwhile is replaced by a fresh one. */
    Registration register(Entry<K, V> entry) {
        for (;;) {
            Registration result = byPid.computeIfAbsent(entry.pid(), pid -> new Owner<>(this, pid)).register(entry);
            if (result != null) {
                return result;
            }
        }
    }

    boolean unregister(K key, Pid pid) {
        Owner<K, V> owner = byPid.get(pid);
        return owner != null && owner.unregister(key);
    }

    @Nullable
    V update(K key, Pid pid, UnaryOperator<@Nullable V> update, UniqueKeys<K, V> unique) {
        Owner<K, V> owner = byPid.get(pid);
        if (owner == null) {
            throw noEntry(key, pid);
        }
        return owner.update(key, update, unique);
    }

    /** The keys {@code pid} holds; none once it is dead. */
    List<K> keys(Pid pid) {
        Owner<K, V> owner = byPid.get(pid);
        if (owner == null) {
            return List.of();
        }
        List<K> keys = owner.keys();
        return pid.isAlive() ? keys : List.of();
    }

    /** How many entries live processes hold. */
    int count() {
        return byPid.reduceValuesToInt(Long.MAX_VALUE, owner -> owner.pid().isAlive() ? owner.size() : 0, 0, Integer::sum);
    }

    /** How many processes have a record (and an exit listener) here, dead ones not yet cleaned up included. */
    int tracked() {
        return byPid.size();
    }

    void forget(Owner<K, V> owner) {
        byPid.remove(owner.pid(), owner);
    }

    IllegalArgumentException notAlive(Pid pid) {
        return new IllegalArgumentException(pid + " is not alive: " + registry + " takes live processes only");
    }

    IllegalArgumentException noEntry(Object key, Pid pid) {
        return new IllegalArgumentException(pid + " holds no entry under " + key + " in " + registry);
    }

    @Override
    public String toString() {
        return registry;
    }
}
