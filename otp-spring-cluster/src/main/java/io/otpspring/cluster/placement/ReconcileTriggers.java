package io.otpspring.cluster.placement;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.ReplicaMigrationEvent;
import io.otpspring.cluster.transport.Members;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.TimerRef;

/**
 * When an agent reconciles: a node joining or leaving, partitions having migrated, and a timer.
 * Events arriving while a pass is already requested are folded into it; a merge after a split is
 * always told ({@link AgentMessage.Merged}).
 */
final class ReconcileTriggers implements Members.Listener, MigrationListener, LifecycleListener, AutoCloseable {

    private final HazelcastInstance hazelcast;
    private final Members members;
    private final Pid agent;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final UUID migrations;
    private final UUID lifecycle;
    private final TimerRef timer;

    ReconcileTriggers(Node node, HazelcastInstance hazelcast, Members members, Pid agent, Duration interval) {
        this.hazelcast = hazelcast;
        this.members = members;
        this.agent = agent;
        members.addListener(this);
        this.migrations = hazelcast.getPartitionService().addMigrationListener(this);
        this.lifecycle = hazelcast.getLifecycleService().addLifecycleListener(this);
        this.timer = node.timers().sendInterval(agent, new AgentMessage.Reconcile("timer"), interval);
    }

    /** Asks for a pass unless one is asked for already. */
    void request(String cause) {
        if (requested.compareAndSet(false, true)) {
            agent.send(new AgentMessage.Reconcile(cause));
        }
    }

    /** A pass begins: what happens from now on asks for another. */
    void passing() {
        requested.set(false);
    }

    @Override
    public void nodeUp(String node) {
        request("node " + node + " up");
    }

    @Override
    public void nodeDown(String node) {
        request("node " + node + " down");
    }

    @Override
    public void migrationStarted(MigrationState state) {
    }

    @Override
    public void migrationFinished(MigrationState state) {
        request("partitions migrated");
    }

    @Override
    public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
    }

    @Override
    public void replicaMigrationFailed(ReplicaMigrationEvent event) {
    }

    /** This member merged into the other side of a split: told at once, not folded into a requested pass. */
    @Override
    public void stateChanged(LifecycleEvent event) {
        if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
            agent.send(new AgentMessage.Merged());
        }
    }

    @Override
    public void close() {
        timer.cancel();
        members.removeListener(this);
        if (hazelcast.getLifecycleService().isRunning()) {
            hazelcast.getPartitionService().removeMigrationListener(migrations);
            hazelcast.getLifecycleService().removeLifecycleListener(lifecycle);
        }
    }
}
