package io.otpspring.core.registry;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;

import io.otpspring.core.process.ExitListener;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * One process's entries in one registry, and the exit listener that removes them. It starts
 * listening when the process gets its first entry and retires (stops listening, leaves its
 * {@link Owners}) when the process has none left or exits; a retired record is never used again.
 *
 * <p>Every change to the process's entries happens under this record's lock, so a registration
 * cannot slip past the exit: either it comes first and the listener removes it, or it finds the
 * process dead and is refused, or it finds the record retired and retries with a fresh one.
 */
final class Owner<K, V> implements ExitListener {

    private final Owners<K, V> owners;
    private final Pid pid;
    // guarded by this
    private final List<Entry<K, V>> entries = new ArrayList<>(1);
    private boolean listening;
    private boolean retired;
    /** How many entries the process holds; written under the lock, read without it. */
    private volatile int size;

    Owner(Owners<K, V> owners, Pid pid) {
        this.owners = owners;
        this.pid = pid;
    }

    Pid pid() {
        return pid;
    }

    int size() {
        return size;
    }

    /**
     * Stores {@code entry}, held by this record's process.
     *
     * @return the outcome, or {@code null} when this record has retired: retry with a fresh one
     * @throws IllegalArgumentException when the process is dead or not on the registry's node
     */
    synchronized @Nullable Registration register(Entry<K, V> entry) {
        if (retired) {
            return null;
        }
        if (!pid.isAlive() || !listening && !listen()) {
            // dead: whatever it still holds goes now; a listener still to run finds nothing left
            drop();
            throw owners.notAlive(pid);
        }
        Registration result = owners.table().add(entry);
        if (result.isOk()) {
            entries.add(entry);
            size = entries.size();
        }
        else if (entries.isEmpty()) {
            retire();
        }
        return result;
    }

    /** Attaches this record as the process's exit listener; {@code false} when the process is dead. */
    private boolean listen() {
        try {
            listening = owners.node().addExitListener(pid, this);
        }
        catch (RuntimeException notLocal) {
            retire();
            throw notLocal;
        }
        return listening;
    }

    /** Removes every entry the process holds under {@code key}; returns whether it held any. */
    synchronized boolean unregister(K key) {
        boolean removed = false;
        for (Iterator<Entry<K, V>> it = entries.iterator(); it.hasNext();) {
            Entry<K, V> entry = it.next();
            if (entry.key().equals(key)) {
                owners.table().remove(entry);
                it.remove();
                removed = true;
            }
        }
        size = entries.size();
        if (removed && entries.isEmpty()) {
            retire();
        }
        return removed;
    }

    /**
     * Replaces the value of the process's entry under {@code key} in {@code table} with
     * {@code update} applied to it; returns the new value.
     *
     * @throws IllegalArgumentException when the process holds no entry under {@code key}
     */
    synchronized @Nullable V update(K key, UnaryOperator<@Nullable V> update, UniqueKeys<K, V> table) {
        int index = indexOf(key);
        if (index < 0 || !pid.isAlive()) {
            throw owners.noEntry(key, pid);
        }
        Entry<K, V> current = entries.get(index);
        Entry<K, V> updated = new Entry<>(key, pid, update.apply(current.value()));
        table.replace(current, updated);
        entries.set(index, updated);
        return updated.value();
    }

    private int indexOf(K key) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The keys the process holds, in the order it registered them (a key twice if held twice). */
    synchronized List<K> keys() {
        return entries.stream().map(Entry::key).toList();
    }

    /** The process has exited: its entries go, before its links and monitors fire. */
    @Override
    public void exited(Pid exited, ExitReason reason) {
        drop();
    }

    private synchronized void drop() {
        entries.forEach(owners.table()::remove);
        entries.clear();
        retire();
    }

    /** Under the lock, with no entries left. */
    private void retire() {
        size = 0;
        retired = true;
        owners.forget(this);
        if (listening) {
            listening = false;
            owners.node().removeExitListener(pid, this);
        }
    }

    @Override
    public String toString() {
        return "the entries of " + pid + " in " + owners;
    }
}
