package io.otpspring.cluster.placement;

import java.util.Set;

import io.otpspring.cluster.Cluster;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessRef;
import org.jspecify.annotations.Nullable;

/**
 * One process in the whole cluster under a name, as Akka's cluster singleton: a
 * {@link DistributedSupervisor} of one key. Start it on every node; it runs on the node owning
 * the name's partition, starts again elsewhere from its last saved state when that node dies, and
 * moves (saving in {@code terminate}) when the owner changes. It always runs: after any exit,
 * even {@code normal}, it starts again from its last saved state, and should the cluster lose its
 * record (its member crashed before a backup was made) the owner starts it afresh.
 *
 * <pre>{@code
 * ClusterSingleton<Schedule> scheduler = ClusterSingleton.start(cluster, "scheduler",
 *         (name, saved, checkpoint) -> new Scheduler(saved, checkpoint));
 * GenServer.cast(scheduler.ref(), new Schedule("report", "0 0 * * *"));
 * }</pre>
 *
 * @param <S> the type of the state it saves
 */
public final class ClusterSingleton<S> implements AutoCloseable {

    private final DistributedSupervisor<S> supervisor;
    private final String name;

    private ClusterSingleton(DistributedSupervisor<S> supervisor, String name) {
        this.supervisor = supervisor;
        this.name = name;
    }

    /** Starts this node's part of the singleton {@code name}, with the default spec. */
    public static <S> ClusterSingleton<S> start(Cluster cluster, String name, ChildFactory<S> factory) {
        return start(cluster, name, factory, DistributedSupervisorSpec.defaults());
    }

    /**
     * Starts this node's part of the singleton {@code name} (the supervisor {@code singleton.<name>})
     * and returns once the singleton runs, here or elsewhere. Its factory gets {@code name} as the key.
     *
     * @throws io.otpspring.core.process.StartException when it failed to start
     */
    public static <S> ClusterSingleton<S> start(Cluster cluster, String name, ChildFactory<S> factory,
            DistributedSupervisorSpec spec) {
        DistributedSupervisor<S> supervisor = DistributedSupervisor.start(cluster, "singleton." + name, factory, spec,
                Set.of(name));
        try {
            supervisor.startChild(name);
        }
        catch (RuntimeException failure) {
            supervisor.close();
            throw failure;
        }
        return new ClusterSingleton<>(supervisor, name);
    }

    /** Its name, the same on every node. */
    public String name() {
        return name;
    }

    /** The singleton's process, or {@code null} while it moves between nodes. */
    public @Nullable Pid whereis() {
        return supervisor.whereis(name);
    }

    /** The singleton as a reference looked up on every use, so it follows it from node to node. */
    public ProcessRef ref() {
        return supervisor.ref(name);
    }

    /** Where it runs, or {@code null} while its lost record is made again. */
    public @Nullable Placement placement() {
        return supervisor.children().get(name);
    }

    /** Stops this node's part; see {@link DistributedSupervisor#close()}. */
    @Override
    public void close() {
        supervisor.close();
    }
}
