package io.otpspring.core.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.Via;
import org.jspecify.annotations.Nullable;

/**
 * Processes by key, as Elixir's {@code Registry}: one namespace on one node, in which live
 * processes hold unique keys (names) or duplicate keys (topics), each entry with a value. Each
 * instance is its own namespace, so the same key in two registries never collides: keep one for
 * the application ({@link #DEFAULT_NAMESPACE}), one per tenant, one per test.
 *
 * <pre>{@code
 * Registry<String, Object> users = Registry.unique(node, "users");
 * Supervisor.start(node, SupervisorSpec.oneForOne(
 *         ChildSpec.worker("alice", UserSession::new).withName(users.via("alice"))));
 * GenServer.call(users.via("alice"), "status");              // whoever holds "alice" now
 *
 * Registry<String, Object> topics = Registry.duplicate(node, "topics");
 * topics.register("news", subscriber, null);
 * topics.dispatch("news", entry -> entry.pid().send(headline));
 * }</pre>
 *
 * <p><b>No stale entries.</b> A process holding entries has one exit listener per registry; when
 * the process exits, for any reason, it removes the process's entries before its links and
 * monitors fire, so a supervisor restarting it finds its keys free and a {@code Down} receiver
 * finds them gone. Every read also skips entries whose process is dead, which covers the instant
 * between the death and the listener.
 *
 * <p>Keys need stable {@code equals} and {@code hashCode}, as map keys do; values may be anything,
 * {@code null} included. Every method is thread-safe; reads take no lock and return snapshots.
 */
public final class Registry<K, V> {

    /** The namespace of the application-wide registry. */
    public static final String DEFAULT_NAMESPACE = "default";

    private final Node node;
    private final RegistrySpec spec;
    private final KeyTable<K, V> table;
    private final Owners<K, V> owners;

    private Registry(Node node, RegistrySpec spec) {
        this.node = node;
        this.spec = spec;
        this.table = spec.keys() == Keys.UNIQUE ? new UniqueKeys<>() : new DuplicateKeys<>(spec.partitions());
        this.owners = new Owners<>(node, table, "registry '" + spec.namespace() + "'");
    }

    /** A new, empty registry on {@code node}, as {@code spec} says. */
    public static <K, V> Registry<K, V> create(Node node, RegistrySpec spec) {
        return new Registry<>(Objects.requireNonNull(node, "node"), Objects.requireNonNull(spec, "spec"));
    }

    /** A new, empty registry of unique keys in {@code namespace}. */
    public static <K, V> Registry<K, V> unique(Node node, String namespace) {
        return create(node, RegistrySpec.unique(namespace));
    }

    /** A new, empty registry of duplicate keys in {@code namespace}. */
    public static <K, V> Registry<K, V> duplicate(Node node, String namespace) {
        return create(node, RegistrySpec.duplicate(namespace));
    }

    /** This registry's namespace. */
    public String namespace() {
        return spec.namespace();
    }

    /** How this registry was created: namespace, key mode and partitions. */
    public RegistrySpec spec() {
        return spec;
    }

    /** The node whose processes this registry holds. */
    public Node node() {
        return node;
    }

    // ---------------------------------------------------------------- changes

    /**
     * Registers {@code key} for {@code pid}, a live process of this node (not necessarily the
     * caller: a supervisor may register its children), with {@code value}. With unique keys, of
     * registrants racing for a free key exactly one gets {@link Registration.Ok}, and the others
     * {@link Registration.Taken} with the winner's pid; a key whose holder is dead is free. With
     * duplicate keys it always succeeds, and a process may register the same key several times:
     * each registration is an entry of its own.
     *
     * @throws IllegalArgumentException when {@code pid} is not alive or not of this node
     */
    public Registration register(K key, Pid pid, @Nullable V value) {
        return owners.register(new Entry<>(key, pid, value));
    }

    /** Removes every entry {@code pid} holds under {@code key}; returns whether it held any. */
    public boolean unregister(K key, Pid pid) {
        return owners.unregister(Objects.requireNonNull(key, "key"), Objects.requireNonNull(pid, "pid"));
    }

    /**
     * Replaces the value of the entry {@code pid} holds under the unique {@code key} with
     * {@code update} applied to it, atomically with respect to other changes of that process's
     * entries; returns the new value. {@code update} runs on the caller's thread while those
     * entries are locked: keep it quick, and do not change this registry from it.
     *
     * @throws IllegalArgumentException when {@code pid} holds no entry under {@code key}
     * @throws UnsupportedOperationException for a registry of duplicate keys
     */
    public @Nullable V updateValue(K key, Pid pid, UnaryOperator<@Nullable V> update) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(update, "update");
        return owners.update(key, pid, update, unique("updateValue"));
    }

    // ---------------------------------------------------------------- reads

    /** The live entries under {@code key}: at most one for unique keys. */
    public List<Entry<K, V>> lookup(K key) {
        return match(key, value -> true);
    }

    /**
     * The live process holding the unique {@code key}, or {@code null}.
     *
     * @throws UnsupportedOperationException for a registry of duplicate keys (use {@link #lookup})
     */
    public @Nullable Pid whereis(K key) {
        Entry<K, V> entry = unique("whereis").get(Objects.requireNonNull(key, "key"));
        return entry != null && entry.pid().isAlive() ? entry.pid() : null;
    }

    /** The keys live {@code pid} holds, in the order it registered them (a key twice if held twice). */
    public List<K> keys(Pid pid) {
        return owners.keys(Objects.requireNonNull(pid, "pid"));
    }

    /** How many entries live processes hold. */
    public int count() {
        return owners.count();
    }

    /** How many live entries are under {@code key}. */
    public int count(K key) {
        return dispatch(key, entry -> { });
    }

    /** The live entries whose key matches {@code keys}, in no particular order. */
    public List<Entry<K, V>> select(Predicate<? super K> keys) {
        Objects.requireNonNull(keys, "keys");
        List<Entry<K, V>> found = new ArrayList<>();
        table.forEach(live(entry -> {
            if (keys.test(entry.key())) {
                found.add(entry);
            }
        }));
        return Collections.unmodifiableList(found);
    }

    /** The live entries under {@code key} whose value matches {@code value}. */
    public List<Entry<K, V>> match(K key, Predicate<? super @Nullable V> value) {
        Objects.requireNonNull(value, "value");
        List<Entry<K, V>> found = new ArrayList<>();
        dispatch(key, entry -> {
            if (value.test(entry.value())) {
                found.add(entry);
            }
        });
        return Collections.unmodifiableList(found);
    }

    /**
     * Runs {@code action} on the caller's thread for each live entry under {@code key}; returns
     * how many it ran for. The pub/sub idiom: {@code topics.dispatch("news", e -> e.pid().send(msg))}.
     * An exception from {@code action} ends the dispatch and reaches the caller.
     */
    public int dispatch(K key, Consumer<? super Entry<K, V>> action) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(action, "action");
        int[] count = {0};
        table.forEach(key, live(entry -> {
            action.accept(entry);
            count[0]++;
        }));
        return count[0];
    }

    /** Every live entry, in no particular order: a read-only snapshot of this namespace. */
    public List<Entry<K, V>> entries() {
        return select(key -> true);
    }

    /** At most {@code limit} live entries, in no particular order: a bounded page for observers. */
    public List<Entry<K, V>> entries(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("the limit must not be negative, was " + limit);
        }
        return table.stream().filter(entry -> entry.pid().isAlive()).limit(limit).toList();
    }

    // ---------------------------------------------------------------- via names

    /** {@link #via(Object, Object) via(key, null)}. */
    public Via via(K key) {
        return via(key, null);
    }

    /**
     * The unique {@code key} as a process name, usable wherever a pid is (send, call, link,
     * monitor, {@code SpawnOptions.withName}, {@code ChildSpec.withName}) and resolved to the
     * key's live holder each time. A process spawned under it registers the key with
     * {@code value} before its {@code init} runs ({@code NameTakenException} if it is held).
     * A message sent while nothing holds the key is a dead letter {@code NO_SUCH_NAME}; a call
     * exits with {@code noproc}. Unlike a node-local name, the key is freed the moment its
     * process dies, so this also holds while a supervisor is restarting it.
     *
     * @throws UnsupportedOperationException for a registry of duplicate keys
     */
    public Via via(K key, @Nullable V value) {
        unique("via");
        return new ViaKey<>(this, key, value);
    }

    // ---------------------------------------------------------------- internals

    private UniqueKeys<K, V> unique(String operation) {
        if (table instanceof UniqueKeys<K, V> unique) {
            return unique;
        }
        throw new UnsupportedOperationException(operation + " needs unique keys, but " + this
                + " has duplicate keys: use lookup or dispatch");
    }

    private static <K, V> Consumer<Entry<K, V>> live(Consumer<Entry<K, V>> action) {
        return entry -> {
            if (entry.pid().isAlive()) {
                action.accept(entry);
            }
        };
    }

    /** How many entries are stored, those of dead processes not yet removed included. For tests. */
    int storedEntries() {
        int[] count = {0};
        table.forEach(entry -> count[0]++);
        return count[0];
    }

    /** How many processes have an exit listener here, dead ones not yet cleaned up included. For tests. */
    int trackedProcesses() {
        return owners.tracked();
    }

    @Override
    public String toString() {
        return "registry '" + spec.namespace() + "' on " + node;
    }
}
