package io.otpspring.cluster.registry;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.otpspring.cluster.Cluster;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.NameTakenException;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.Via;
import org.jspecify.annotations.Nullable;

/**
 * A cluster-wide namespace of unique names, as Erlang's {@code :global}: a name is held by one live
 * process, on any node, and every node finds it. Names live in a Hazelcast map
 * ({@code otp.registry.<namespace>}); taking one is a single atomic operation on the member that
 * owns it, so of processes racing for a name on several nodes exactly one wins.
 *
 * <pre>{@code
 * Config config = new Config();
 * Cluster.configure(config, node, FailureDetection.DEFAULTS);
 * ClusterRegistry.configure(config, "users", ConflictMode.QUORUM, 2);
 * Cluster cluster = Cluster.join(node, Hazelcast.newHazelcastInstance(config));
 * ClusterRegistry users = ClusterRegistry.start(cluster, "users", ConflictMode.QUORUM);
 *
 * Supervisor.start(node, SupervisorSpec.oneForOne(
 *         ChildSpec.worker("alice", UserSession::new).withName(users.via("alice"))));
 * GenServer.call(users.via("alice"), "status");        // from any node
 * }</pre>
 *
 * <p><b>No stale names.</b> A name is freed when its process exits (its node removes it), and
 * when its node goes down (the other nodes remove the node's names). A split brain is handled as
 * the namespace's {@link ConflictMode} says; once it heals, each name has one holder again and the
 * processes that lost theirs are stopped with {@link #conflictReason}. Start one registry per
 * namespace on each node that uses it.
 */
public final class ClusterRegistry implements AutoCloseable {

    private final String namespace;
    private final ConflictMode mode;
    private final Cluster cluster;
    private final Node node;
    private final IMap<String, Holder> map;
    private final NameMap names;
    private final LocalNames locals;
    private final ExecutorService maintenance;
    private final Reconciler reconciler;
    private final UUID entryListener;
    private final UUID lifecycleListener;

    private ClusterRegistry(Cluster cluster, String namespace, ConflictMode mode, int quorum) {
        this.namespace = namespace;
        this.mode = mode;
        this.cluster = cluster;
        this.node = cluster.node();
        HazelcastInstance hazelcast = cluster.hazelcast();
        this.map = hazelcast.getMap(NamespaceConfig.mapName(namespace));
        this.names = new NameMap(map, namespace, quorum);
        this.locals = new LocalNames(node, cluster.members(), (name, holder) -> names.release(name, holder, false));
        this.maintenance = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("otp-registry-" + namespace).factory());
        this.reconciler = new Reconciler(node, names, locals, maintenance);
        this.entryListener = map.addEntryListener(reconciler, true);
        this.lifecycleListener = hazelcast.getLifecycleService().addLifecycleListener(reconciler);
        cluster.members().addListener(reconciler);
        reconciler.releaseOwnStale();
    }

    /**
     * Prepares a Hazelcast config, before its instance starts, for {@code namespace} in
     * {@code mode}: the map {@code otp.registry.<namespace>} with the mode's merge policy
     * ({@code PutIfAbsentMergePolicy} for {@link ConflictMode#QUORUM},
     * {@link EarlierRegistrationWins} for {@link ConflictMode#RESOLVE_AFTER_MERGE}), and for a
     * quorum a split-brain protection of the same name on writes, needing {@code quorumSize}
     * members. Every member of the cluster needs the same settings.
     *
     * @param quorumSize the fewest members that may change names (at least 2; a majority of the
     *        cluster, such as 2 of 3, so that two sides never both change names); ignored without quorum
     */
    public static void configure(Config config, String namespace, ConflictMode mode, int quorumSize) {
        NamespaceConfig.apply(config, namespace, mode, quorumSize);
    }

    /**
     * Starts the registry of {@code namespace} on {@code cluster}'s node, which frees the names
     * that earlier incarnations of this node left behind.
     *
     * @throws IllegalStateException when the Hazelcast config did not go through {@link #configure}
     *         for this namespace and mode
     */
    public static ClusterRegistry start(Cluster cluster, String namespace, ConflictMode mode) {
        Objects.requireNonNull(cluster, "cluster");
        int quorum = NamespaceConfig.check(cluster.hazelcast(), namespace, mode);
        return new ClusterRegistry(cluster, namespace, mode, quorum);
    }

    /** The exit reason of a process stopped because, after a split, another process kept its name. */
    public static ExitReason conflictReason(String name) {
        return ExitReason.other("name_conflict: " + name);
    }

    /** This registry's namespace. */
    public String namespace() {
        return namespace;
    }

    /** What this namespace does about a split brain. */
    public ConflictMode mode() {
        return mode;
    }

    /**
     * Registers {@code name} for {@code pid}, a live process of this node, until it exits or the
     * name is unregistered. A name held by a dead process of this node, or by a process of a node
     * that is gone, is free; registering a name the process holds already does nothing.
     *
     * @throws NameTakenException when another live process, on any node, holds the name
     * @throws QuorumLostException in a {@link ConflictMode#QUORUM} namespace on the minority side of a split
     * @throws IllegalArgumentException when {@code pid} is not a live process of this node
     */
    public void register(String name, Pid pid) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pid, "pid");
        if (pid.isRemote() || !pid.node().equals(node.name()) || pid.creation() != node.creation() || !pid.isAlive()) {
            throw new IllegalArgumentException(pid + " is not a live process of node " + node.name());
        }
        Holder claimant = Holder.of(pid, cluster.hazelcast().getCluster().getClusterTime());
        locals.claiming(claimant, pid);
        try {
            claim(name, claimant);
            if (!locals.hold(name, claimant, pid)) {
                names.release(name, claimant, false);
            }
        }
        finally {
            locals.claimed(claimant);
        }
    }

    /** Takes {@code name} for {@code claimant}, in place of a dead process of this node if that holds it. */
    private void claim(String name, Holder claimant) {
        Holder replacing = null;
        Holder keeper;
        while ((keeper = names.claim(name, claimant, replacing)) != null) {
            Pid holder = locals.live(name, keeper);
            if (holder != null || !keeper.isOn(node)) {
                throw new NameTakenException(namespace + "/" + name, holder != null ? holder : keeper.pidOn(node));
            }
            replacing = keeper;
        }
    }

    /**
     * Frees {@code name}, whichever process on whichever node holds it; returns whether one did.
     *
     * @throws QuorumLostException in a {@link ConflictMode#QUORUM} namespace on the minority side of a split
     */
    public boolean unregister(String name) {
        Holder removed = names.remove(Objects.requireNonNull(name, "name"));
        if (removed == null) {
            return false;
        }
        LocalNames.Held held = locals.get(name);
        if (held != null && held.holder().equals(removed)) {
            locals.forget(name, held);
        }
        return true;
    }

    /**
     * The live process holding {@code name}, or {@code null}: a pid of this node or of another.
     * It answers on any side of a split, from what that side knows.
     */
    public @Nullable Pid whereis(String name) {
        Holder holder = names.get(Objects.requireNonNull(name, "name"));
        return holder == null ? null : locals.live(name, holder);
    }

    /** Every name a live process holds, with its process: a snapshot. */
    public Map<String, Pid> names() {
        Map<String, Pid> live = new HashMap<>();
        names.entries().forEach(entry -> {
            Pid pid = locals.live(entry.getKey(), entry.getValue());
            if (pid != null) {
                live.put(entry.getKey(), pid);
            }
        });
        return Map.copyOf(live);
    }

    /**
     * {@code name} as a process name, usable wherever a pid is (send, call, link, monitor,
     * {@code SpawnOptions.withName}, {@code ChildSpec.withName}) and resolved to the name's live
     * holder, on whichever node, each time it is used. A process spawned under it registers the
     * name before its {@code init} runs ({@code NameTakenException} if it is held). A message sent
     * while nothing holds the name is a dead letter {@code NO_SUCH_NAME}; a call exits with
     * {@code noproc}.
     */
    public Via via(String name) {
        return new ClusterVia(this, Objects.requireNonNull(name, "name"));
    }

    /** The names this node's processes hold, as this node keeps track of them. For tests. */
    Set<String> heldHere() {
        return locals.snapshot().keySet();
    }

    Node node() {
        return node;
    }

    /** Stops watching the cluster and frees the names this node's processes hold here. */
    @Override
    public void close() {
        cluster.members().removeListener(reconciler);
        maintenance.shutdownNow();
        boolean running = cluster.hazelcast().getLifecycleService().isRunning();
        if (running) {
            map.removeEntryListener(entryListener);
            cluster.hazelcast().getLifecycleService().removeLifecycleListener(lifecycleListener);
        }
        locals.snapshot().forEach((name, held) -> {
            if (locals.forget(name, held) && running) {
                names.release(name, held.holder(), false);
            }
        });
    }

    @Override
    public String toString() {
        return "cluster registry '" + namespace + "' on " + node;
    }
}
