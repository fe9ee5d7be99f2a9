package io.otpspring.cluster.placement;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.otpspring.cluster.transport.Members;
import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.process.ProcessRef;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.DynamicSupervisor;
import io.otpspring.core.supervision.Restart;
import io.otpspring.core.supervision.Shutdown;
import io.otpspring.core.supervision.StartResult;
import org.jspecify.annotations.Nullable;

/**
 * One node's part of a distributed supervisor: it starts, stops and moves the keys' processes
 * under the node's local dynamic supervisor, one decision at a time. A reconcile pass makes this
 * node run exactly the keys it should:
 * <ul>
 * <li>a process whose key is gone stops ({@code shutdown}); one whose key another node or a later
 *     epoch holds stops ({@link DistributedSupervisor#FENCED});</li>
 * <li>a process whose key's partition another node owns now stops ({@link DistributedSupervisor#HANDOFF},
 *     saving its state in {@code terminate}), then the key is released and that node told;</li>
 * <li>a key of a partition this node owns, released or held by a node that is gone, starts here
 *     from its last saved state (a pinned key whose record was lost is recorded again first).</li>
 * </ul>
 * Every write is a compare-and-set on what was read, so a pass that races with another node (or
 * a local restart) only wastes a step; the next pass settles it.
 */
final class PlacementAgent<S> implements GenServer {

    private static final System.Logger LOG = System.getLogger(PlacementAgent.class.getName());

    private final DistributedSupervisor<S> supervisor;
    private final String self;
    private final Slots slots;
    private final Agents agents;
    private final Members members;
    private final Map<String, Incarnation> running = new ConcurrentHashMap<>();
    private @Nullable ProcessContext process;
    private @Nullable ReconcileTriggers triggers;

    PlacementAgent(DistributedSupervisor<S> supervisor) {
        this.supervisor = supervisor;
        this.self = supervisor.cluster().node().name();
        this.slots = supervisor.slots();
        this.agents = supervisor.agents();
        this.members = supervisor.cluster().members();
    }

    /** Lets go of what an earlier incarnation of this node held, then asks every agent, this one too, for a pass. */
    @Override
    public void init(ProcessContext process) {
        this.process = process;
        slots.releaseNode(self);
        agents.register(self, process.self());
        triggers = new ReconcileTriggers(process.node(), supervisor.cluster().hazelcast(), members, process.self(),
                supervisor.spec().reconcileInterval());
        AgentMessage.Reconcile joined = new AgentMessage.Reconcile("node " + self + " joined");
        for (Pid other : agents.all()) {
            other.send(joined);
        }
    }

    @Override
    public Reply handleCall(Object request, From from) {
        try {
            return Reply.of(switch ((AgentMessage) request) {
                case AgentMessage.Start start -> start(start.key());
                case AgentMessage.Stop stop -> stop(stop.key());
                default -> throw new IllegalArgumentException("not a call: " + request);
            });
        }
        catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "placement of " + supervisor.name() + " could not handle " + request, failure);
            return Reply.of(null);
        }
    }

    @Override
    public void handleInfo(Object message) {
        try {
            switch (message) {
                case AgentMessage.Reconcile reconcile -> {
                    Objects.requireNonNull(triggers).passing();
                    LOG.log(System.Logger.Level.DEBUG, () -> supervisor.name() + " on " + self + ": reconcile (" + reconcile.cause() + ")");
                    reconcile();
                }
                case AgentMessage.Merged merged -> {
                    LOG.log(System.Logger.Level.DEBUG, () -> supervisor.name() + " on " + self + ": merged after a split");
                    releaseUnrun();
                    reconcile();
                }
                case AgentMessage.Nudge nudge -> start(nudge.key());
                case AgentMessage.Finished finished when !supervisor.pinned().contains(finished.key()) ->
                        slots.finish(finished.key(), self, finished.epoch());
                default -> {
                }
            }
        }
        catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "placement of " + supervisor.name() + " could not handle " + message
                    + "; the next reconcile pass retries", failure);
        }
    }

    /** Stops this node's processes (they save their state), then lets go of their keys for the next owners. */
    @Override
    public void terminate(ExitReason reason) {
        if (triggers != null) {
            triggers.close();
        }
        stop(Map.copyOf(running), DistributedSupervisor.HANDOFF);
        if (supervisor.cluster().hazelcast().getLifecycleService().isRunning()) {
            slots.releaseNode(self);
            agents.unregister(self, context().self());
        }
    }

    // ---------------------------------------------------------------- requests

    /** See {@link AgentMessage.Start}. */
    private @Nullable Object start(String key) {
        Incarnation here = running.get(key);
        if (here != null) {
            return here.pid().isAlive() ? here.pid() : null;
        }
        if (!self.equals(slots.ownerOf(key))) {
            return null;
        }
        Slot slot = slots.read(key);
        if (slot == null) {
            return null;
        }
        return claimable(slot) ? startHere(key, slot) : slot.pid();
    }

    private boolean stop(String key) {
        Incarnation here = running.get(key);
        if (here == null) {
            return false;
        }
        stop(Map.of(key, here), ExitReason.SHUTDOWN);
        return true;
    }

    // ---------------------------------------------------------------- the pass

    private void reconcile() {
        Map<String, Incarnation> here = Map.copyOf(running);
        Map<String, Slot> placed = slots.read(here.keySet());
        Map<String, Incarnation> gone = new HashMap<>();
        Map<String, Incarnation> stale = new HashMap<>();
        Map<String, Incarnation> moving = new HashMap<>();
        Map<String, Pid> nextAgents = new HashMap<>();
        Map<String, Pid> agentsByNode = new HashMap<>();
        here.forEach((key, incarnation) -> {
            Slot slot = placed.get(key);
            if (slot == null) {
                gone.put(key, incarnation);
            }
            else if (!slot.heldBy(self, incarnation.epoch())) {
                stale.put(key, incarnation);
            }
            else {
                Pid next = agentOfOwner(key, agentsByNode);
                if (next != null) {
                    moving.put(key, incarnation);
                    nextAgents.put(key, next);
                }
            }
        });
        stop(gone, ExitReason.SHUTDOWN);
        stop(stale, DistributedSupervisor.FENCED);
        stop(moving, DistributedSupervisor.HANDOFF);
        moving.forEach((key, incarnation) -> {
            if (slots.release(key, self, incarnation.epoch())) {
                nextAgents.get(key).send(new AgentMessage.Nudge(key));
            }
        });
        for (String key : supervisor.pinned()) {
            if (!running.containsKey(key) && self.equals(slots.ownerOf(key))) {
                slots.want(key, null);
            }
        }
        Set<String> idle = new HashSet<>(slots.localKeys());
        idle.removeAll(running.keySet());
        slots.read(idle).forEach((key, slot) -> {
            if (claimable(slot)) {
                startHere(key, slot);
            }
        });
    }

    /**
     * After a merge, lets go of the keys this node holds but runs under no such epoch, and tells
     * their owners. While a member merges into the other side of a split, its copy of the map is
     * emptied, then its entries that the other side lacks are put back: a pass in between finds
     * its keys gone and stops their processes, and the entries come back naming this node. A key
     * of a partition another node owns would then stay held by a connected node running nothing,
     * which no pass claims: lost.
     */
    private void releaseUnrun() {
        Map<String, Pid> agentsByNode = new HashMap<>();
        slots.readAll().forEach((key, slot) -> {
            Incarnation here = running.get(key);
            if (self.equals(slot.node()) && (here == null || here.epoch() != slot.epoch())
                    && slots.release(key, self, slot.epoch())) {
                Pid owner = agentOfOwner(key, agentsByNode);
                if (owner != null) {
                    owner.send(new AgentMessage.Nudge(key));
                }
            }
        });
    }

    /** The agent of the node that owns {@code key} now, when that is another node running one; else {@code null}. */
    private @Nullable Pid agentOfOwner(String key, Map<String, Pid> agentsByNode) {
        String owner = slots.ownerOf(key);
        if (owner == null || owner.equals(self) || !members.isConnected(owner)) {
            return null;
        }
        return agentsByNode.computeIfAbsent(owner, agents::of);
    }

    /** Whether this node may take {@code slot}'s key: released, held by this node (not running it), or by a node that is gone. */
    private boolean claimable(Slot slot) {
        String holder = slot.node();
        return holder == null || holder.equals(self) || !members.isConnected(holder);
    }

    /**
     * Starts {@code key} under the local supervisor, claiming it as {@code seen}. Returns its pid,
     * {@code null} when another claim came first, or why it failed; a key that never ran and fails
     * its first start is dropped, one that ran before is retried by the next passes.
     */
    private Object startHere(String key, Slot seen) {
        KeyStart<S> start = new KeyStart<>(key, self, slots, supervisor.factory(), seen, running, context().self());
        ChildSpec spec = ChildSpec.of(key, start).withRestart(Restart.TRANSIENT).withShutdown(supervisor.spec().shutdown());
        StartResult result = DynamicSupervisor.startChild(children(), spec);
        if (result instanceof StartResult.Started started) {
            return started.pid();
        }
        ExitReason reason = result instanceof StartResult.Failed failed ? failed.reason() : StartResult.MAX_CHILDREN;
        if (reason.equals(DistributedSupervisor.FENCED)) {
            return null;
        }
        Slot claimed = start.claimed();
        if (claimed != null && seen.epoch() == 0) {
            slots.finish(key, self, claimed.epoch());
        }
        LOG.log(System.Logger.Level.WARNING, () -> "key '" + key + "' of " + supervisor.name() + " failed to start on "
                + self + ": " + reason);
        return new AgentMessage.StartFailed(reason.toString());
    }

    /** Stops {@code incarnations} at once, each within the shutdown, and forgets them. */
    private void stop(Map<String, Incarnation> incarnations, ExitReason reason) {
        Node node = context().node();
        Shutdown shutdown = supervisor.spec().shutdown();
        for (Incarnation incarnation : incarnations.values()) {
            if (shutdown.isBrutalKill()) {
                node.exit(incarnation.pid(), ExitReason.KILL);
            }
            else {
                node.requestStop(incarnation.pid(), reason);
            }
        }
        long began = System.nanoTime();
        incarnations.forEach((key, incarnation) -> {
            Duration timeout = shutdown.timeout();
            Duration left = timeout == null ? null : Duration.ofNanos(Math.max(0, timeout.toNanos() - (System.nanoTime() - began)));
            if (node.awaitExit(incarnation.pid(), left) == null) {
                node.exit(incarnation.pid(), ExitReason.KILL);
                node.awaitExit(incarnation.pid(), null);
            }
            running.remove(key, incarnation);
        });
    }

    private ProcessRef children() {
        return context().node().named(supervisor.childrenName());
    }

    private ProcessContext context() {
        return Objects.requireNonNull(process, "placement agent not initialised");
    }
}
