package io.otpspring.cluster.placement;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.SerializerConfig;
import io.otpspring.cluster.Cluster;
import io.otpspring.cluster.transport.Members;
import io.otpspring.core.genserver.CallTimeoutException;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessRef;
import io.otpspring.core.process.SpawnOptions;
import io.otpspring.core.process.StartException;
import io.otpspring.core.supervision.ChildInfo;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.DynamicSupervisor;
import io.otpspring.core.supervision.Shutdown;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.core.supervision.SupervisorSpec;
import org.jspecify.annotations.Nullable;

/**
 * A dynamic supervisor across the cluster, as Horde's, with state handoff: one process per key,
 * run on the node that owns the key's Hazelcast partition, wherever it was started from. Start it
 * on every node under the same name with the same factory.
 *
 * <p>Each process saves its state through its {@link Checkpoint}; the state lives in a map with a
 * backup. When a node dies, its keys start again on the new owners from their last saved state;
 * when nodes join or leave, keys whose owner changed stop on the old node (saving in
 * {@code terminate}) and start on the new one. Every start takes a new epoch of its key, and a
 * save is accepted only from the current (node, epoch): a process left behind by a hung node that
 * comes back is refused and stops ({@link #FENCED}). Once the cluster is stable, no key runs twice.
 * Hazelcast's CP subsystem is not used (it is not in the community edition): during a split each
 * side runs the keys it owns, and the merge keeps one. A key recorded on a member that crashes
 * before its backup exists (a lone member, or one whose partitions were still migrating) is lost.
 *
 * <pre>{@code
 * DistributedSupervisor<Cart> carts = DistributedSupervisor.start(cluster, "carts",
 *         (userId, saved, checkpoint) -> new CartServer(userId, saved, checkpoint));
 * GenServer.call(carts.ref("user-42"), new AddItem("book"));   // after carts.startChild("user-42")
 * }</pre>
 *
 * On each node its processes run under a local {@link DynamicSupervisor} as transient children
 * (a crash restarts them there, from their last saved state; a {@code normal} exit ends the key).
 *
 * @param <S> the type of the state the processes save
 */
public final class DistributedSupervisor<S> implements AutoCloseable {

    /** The longest {@link #whereis} (and a call by {@link #ref}) waits for a key's record. */
    public static final Duration LOOKUP_TIMEOUT = Duration.ofMillis(500);

    /** Why a process stops when its key was taken over: another node, or a later epoch, holds it. */
    public static final ExitReason FENCED = ExitReason.shutdown("fenced");

    /** Why a process stops when its key moves to another node, or its node's part stops: it saves its state in {@code terminate}. */
    public static final ExitReason HANDOFF = ExitReason.shutdown("handoff");

    private final Cluster cluster;
    private final String name;
    private final ChildFactory<S> factory;
    private final DistributedSupervisorSpec spec;
    private final Set<String> pinned;
    private final Slots slots;
    private final Agents agents;

    private DistributedSupervisor(Cluster cluster, String name, ChildFactory<S> factory, DistributedSupervisorSpec spec,
            Set<String> pinned) {
        this.cluster = cluster;
        this.name = name;
        this.factory = factory;
        this.spec = spec;
        this.pinned = Set.copyOf(pinned);
        this.slots = new Slots(cluster.hazelcast(), name);
        this.agents = new Agents(cluster.hazelcast(), name);
    }

    /**
     * Registers the serializers of the supervisors' maps and gives those maps a backup, on a
     * Hazelcast config that is not yet in use ({@link Cluster#configure} does it).
     */
    public static void configure(Config config) {
        config.getSerializationConfig()
                .addSerializerConfig(new SerializerConfig().setTypeClass(Slot.class).setImplementation(new SlotSerializer()))
                .addSerializerConfig(new SerializerConfig().setTypeClass(SlotOp.class).setImplementation(new SlotOpSerializer()));
        String maps = Slots.PREFIX + "*";
        if (config.getMapConfigOrNull(maps) == null) {
            config.addMapConfig(new MapConfig(maps).setBackupCount(1).setAsyncBackupCount(0));
        }
    }

    /** Starts this node's part of the supervisor {@code name}, with the default spec. */
    public static <S> DistributedSupervisor<S> start(Cluster cluster, String name, ChildFactory<S> factory) {
        return start(cluster, name, factory, DistributedSupervisorSpec.defaults());
    }

    /**
     * Starts this node's part of the supervisor {@code name}: a local supervisor for its processes
     * and the agent that places keys, under one supervisor (one for all) registered as
     * {@code otp.placement.<name>}.
     */
    public static <S> DistributedSupervisor<S> start(Cluster cluster, String name, ChildFactory<S> factory,
            DistributedSupervisorSpec spec) {
        return start(cluster, name, factory, spec, Set.of());
    }

    /**
     * Starts it with {@code pinned} keys, which always run: the node owning one starts it should
     * its record be lost, and again after it exits, even {@code normal}.
     */
    static <S> DistributedSupervisor<S> start(Cluster cluster, String name, ChildFactory<S> factory,
            DistributedSupervisorSpec spec, Set<String> pinned) {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(spec, "spec");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a distributed supervisor's name must not be blank");
        }
        DistributedSupervisor<S> supervisor = new DistributedSupervisor<>(cluster, name, factory, spec, pinned);
        Supervisor.start(cluster.node(), SupervisorSpec.oneForAll(
                ChildSpec.dynamicSupervisor("children", spec.local()).withName(supervisor.childrenName()),
                ChildSpec.worker("agent", () -> new PlacementAgent<>(supervisor)).withName(supervisor.agentName())
                        .withShutdown(Shutdown.infinity())),
                SpawnOptions.defaults().withName(supervisor.rootName()));
        return supervisor;
    }

    /** Its name, the same on every node. */
    public String name() {
        return name;
    }

    /** Starts {@code key}'s process, with no initial state, unless it runs already. */
    public Pid startChild(String key) {
        return startChild(key, null);
    }

    /**
     * Starts {@code key}'s process on the node that owns it, unless it runs already; returns its
     * pid either way. {@code initialState} is what its first incarnation gets, unless the key
     * exists already. Not from the {@code init} or {@code terminate} of this supervisor's
     * processes: this node's agent waits for those.
     *
     * @throws StartException when its process failed to start (a key that never ran is then
     *         dropped), or no node started it within the start timeout
     */
    public Pid startChild(String key, @Nullable S initialState) {
        requireKey(key);
        long deadline = System.nanoTime() + spec.startTimeout().toNanos();
        for (long pauseMillis = 2; ; pauseMillis = Math.min(pauseMillis * 2, 100)) {
            Object outcome = tryStart(key, initialState, deadline);
            if (outcome instanceof Pid pid) {
                return pid;
            }
            if (outcome instanceof AgentMessage.StartFailed failed) {
                throw new StartException("child '" + key + "' of " + name + " failed to start", ExitReason.other(failed.reason()));
            }
            if (System.nanoTime() + pauseMillis * 1_000_000 - deadline > 0) {
                throw new StartException("child '" + key + "' of " + name + " was not started within " + spec.startTimeout(),
                        ExitReason.other("timeout"));
            }
            pause(pauseMillis);
        }
    }

    /** One try: the key is wanted, and its owner's agent asked to start it. */
    private @Nullable Object tryStart(String key, @Nullable S initialState, long deadline) {
        Slot placed = slots.want(key, initialState);
        if (placed.pid() != null && placed.node() != null && members().isConnected(placed.node())) {
            return placed.pid();
        }
        String owner = slots.ownerOf(key);
        Pid agent = owner == null ? null : agentOf(owner);
        if (agent == null) {
            return null;
        }
        try {
            return GenServer.call(agent, new AgentMessage.Start(key), Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        catch (ExitException | CallTimeoutException unreachable) {
            return null;
        }
    }

    /**
     * {@code key}'s process, on whichever node it runs, or {@code null} when it is not running
     * (not started, terminated, or moving between nodes). Waits at most {@link #LOOKUP_TIMEOUT} for
     * the key's record: right after a member dies, its partitions have no owner for a moment, and
     * a call by key should fail fast ({@code noproc}) rather than wait past its own timeout.
     */
    public @Nullable Pid whereis(String key) {
        Slot slot = slots.readWithin(requireKey(key), LOOKUP_TIMEOUT);
        return slot == null || slot.node() == null || !members().isConnected(slot.node()) ? null : slot.pid();
    }

    /**
     * {@code key}'s process as a reference looked up on every use (a map read), so it follows the
     * key from node to node; for a burst of calls, keep the pid {@link #whereis} gives.
     */
    public ProcessRef ref(String key) {
        return new KeyRef(this, cluster.node(), requireKey(key));
    }

    /**
     * Ends {@code key}: its saved state is dropped and its process stopped ({@code shutdown}),
     * on whichever node it runs.
     *
     * @return {@code false} when the key was not started
     */
    public boolean terminateChild(String key) {
        Slot removed = slots.remove(requireKey(key));
        if (removed == null) {
            return false;
        }
        String holder = removed.node();
        Pid agent = holder == null ? null : agentOf(holder);
        if (agent != null) {
            Duration timeout = spec.shutdown().timeout();
            try {
                GenServer.call(agent, new AgentMessage.Stop(key), timeout == null ? Duration.ofNanos(Long.MAX_VALUE)
                        : timeout.plus(spec.startTimeout()));
            }
            catch (ExitException | CallTimeoutException unreachable) {
                // its node stops the process on its next pass, finding the key gone
            }
        }
        return true;
    }

    /**
     * Every key of the cluster and where it runs, by key: which node runs what. A key whose node
     * died shows it until the key has started elsewhere.
     */
    public Map<String, Placement> children() {
        Map<String, Placement> children = new TreeMap<>();
        slots.readAll().forEach((key, slot) -> children.put(key, new Placement(slot.node(), slot.epoch(), slot.pid())));
        return Collections.unmodifiableMap(children);
    }

    /** The processes running on this node, by key. */
    public Map<String, Pid> localChildren() {
        Map<String, Pid> here = new TreeMap<>();
        for (ChildInfo child : DynamicSupervisor.whichChildren(cluster.node().named(childrenName()))) {
            Pid pid = child.pid();
            if (pid != null && pid.isAlive()) {
                here.put(child.id(), pid);
            }
        }
        return Collections.unmodifiableMap(here);
    }

    /**
     * Stops this node's part: its processes stop (saving their state) and their keys are released.
     * They start again once their partitions have other owners, that is once this member leaves
     * the cluster; a member that stays keeps its partitions, and their keys wait for it.
     */
    @Override
    public void close() {
        cluster.node().stop(cluster.node().named(rootName()), ExitReason.SHUTDOWN, null);
    }

    private @Nullable Pid agentOf(String node) {
        if (node.equals(cluster.node().name())) {
            return cluster.node().whereis(agentName());
        }
        return members().isConnected(node) ? agents.of(node) : null;
    }

    private static String requireKey(String key) {
        if (key.isBlank()) {
            throw new IllegalArgumentException("a key must not be blank");
        }
        return key;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StartException("interrupted while waiting for a child to start", ExitReason.other("interrupted"));
        }
    }

    private Members members() {
        return cluster.members();
    }

    // ---------------------------------------------------------------- for the agent

    Cluster cluster() {
        return cluster;
    }

    ChildFactory<S> factory() {
        return factory;
    }

    DistributedSupervisorSpec spec() {
        return spec;
    }

    Set<String> pinned() {
        return pinned;
    }

    Slots slots() {
        return slots;
    }

    Agents agents() {
        return agents;
    }

    String childrenName() {
        return Slots.PREFIX + name + ".children";
    }

    private String agentName() {
        return Slots.PREFIX + name + ".agent";
    }

    private String rootName() {
        return Slots.PREFIX + name;
    }
}
