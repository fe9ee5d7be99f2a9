package io.otpspring.cluster.placement;

import java.util.Map;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.SpawnOptions;
import io.otpspring.core.process.StartException;
import io.otpspring.core.supervision.ChildStart;
import org.jspecify.annotations.Nullable;

/**
 * Starts the incarnations of one key on this node, the first and each restart after a crash, every
 * one under a claim of its own (the next epoch) and from the key's last saved state. A claim is
 * refused when the key changed meanwhile (another node took it, or it was terminated): a first
 * start then fails with {@link DistributedSupervisor#FENCED}; a restart, which must start
 * something, starts a process that stops at once with that reason, which its transient spec does
 * not restart.
 */
final class KeyStart<S> implements ChildStart {

    private final String key;
    private final String self;
    private final Slots slots;
    private final ChildFactory<S> factory;
    private final Map<String, Incarnation> running;
    private final Pid agent;
    private Slot seen;
    private @Nullable Slot claimed;
    private @Nullable Incarnation current;

    /**
     * @param seen the key's placement as the agent saw it: the first claim expects it unchanged
     * @param running this node's incarnations by key, which this start keeps up to date
     * @param agent told when an incarnation finishes ({@code normal} exit)
     */
    KeyStart(String key, String self, Slots slots, ChildFactory<S> factory, Slot seen, Map<String, Incarnation> running,
            Pid agent) {
        this.key = key;
        this.self = self;
        this.slots = slots;
        this.factory = factory;
        this.seen = seen;
        this.running = running;
        this.agent = agent;
    }

    /** The last claim this start made, or {@code null} when none was accepted. */
    @Nullable
    Slot claimed() {
        return claimed;
    }

    @Override
    public Pid start(Node node, SpawnOptions options) {
        Slot claim = slots.claim(key, self, seen);
        if (claim == null) {
            return refused(node, options);
        }
        seen = claim;
        claimed = claim;
        FencedCheckpoint<S> checkpoint = new FencedCheckpoint<>(slots, key, self, claim.epoch());
        @SuppressWarnings("unchecked")
        S state = (S) claim.state();
        Pid pid = GenServer.start(node, new CheckpointedServer(factory.create(key, state, checkpoint), checkpoint), options);
        Incarnation incarnation = new Incarnation(pid, claim.epoch());
        current = incarnation;
        running.put(key, incarnation);
        if (!node.addExitListener(pid, (dead, reason) -> exited(incarnation, reason))) {
            ExitReason reason = pid.exitReason();
            exited(incarnation, reason == null ? ExitReason.NOPROC : reason);
        }
        slots.started(key, self, claim.epoch(), pid);
        return pid;
    }

    private Pid refused(Node node, SpawnOptions options) {
        if (options.predecessor() == null) {
            throw new StartException("key '" + key + "' was placed elsewhere meanwhile", DistributedSupervisor.FENCED);
        }
        if (current != null) {
            running.remove(key, current);
        }
        Pid stillborn = GenServer.start(node, new GenServer() { }, options);
        node.requestStop(stillborn, DistributedSupervisor.FENCED);
        return stillborn;
    }

    /** A crashed incarnation stays listed until its restart replaces it; one that stopped cleanly is not restarted. */
    private void exited(Incarnation incarnation, ExitReason reason) {
        if (reason.isClean()) {
            running.remove(key, incarnation);
        }
        if (reason instanceof ExitReason.Normal) {
            agent.send(new AgentMessage.Finished(key, incarnation.epoch()));
        }
    }
}
