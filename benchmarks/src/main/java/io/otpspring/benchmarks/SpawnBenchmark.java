package io.otpspring.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.core.supervision.SupervisorSpec;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Spawns {@code processes} idle supervised processes (a million in the full run) under one
 * parent, and waits until all of them have started. The score is the time for all of them
 * ({@code SingleShotTime}); {@link IdleChildren} prints the heap each costs and the shutdown time
 * after each iteration.
 * <ul>
 * <li>otp-spring, {@code otpSpawnListedChildren}: a one-for-one supervisor started with all the
 * children listed in its spec ({@link ChildSpec#worker} each, built in the timed method): the
 * supervisor starts them one after another in its own {@code init}, as a Pekko parent spawns in a
 * loop; {@link Supervisor#start} returns once every child's {@code init} ran.</li>
 * <li>otp-spring, {@code otpSpawnSupervised}: an empty one-for-one supervisor, then one synchronous
 * {@link Supervisor#startChild} per child from the benchmark thread (each returns once the child's
 * {@code init} ran): a call into the supervisor per child.</li>
 * <li>Pekko: one message asks a parent actor to spawn them all, and it calls
 * {@code context.spawnAnonymous} in a loop, with the same behavior each time:
 * {@code Behaviors.supervise(...).onFailure(SupervisorStrategy.restart())} around a
 * {@code Behaviors.setup} that counts the child started and then ignores every message (a child
 * starts on the dispatcher after {@code spawnAnonymous} returns; the benchmark waits for the
 * count). Pekko's idiom, as an actor can spawn only its own children.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { Jvm.HEAP_MIN, Jvm.HEAP_MAX })
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class SpawnBenchmark {

    /** otp-spring: a node with an empty supervisor, new for every iteration. */
    @State(Scope.Benchmark)
    public static class Otp extends OtpChildren {

        @Override
        Pid startSupervisor(Node node) {
            return Supervisor.start(node, SupervisorSpec.oneForOne());
        }

        @Override
        String children() {
            return "supervised processes";
        }
    }

    /** otp-spring: a node, new for every iteration, on which the benchmark starts a supervisor with its children. */
    @State(Scope.Benchmark)
    public static class OtpListed extends OtpChildren {

        @Override
        @Nullable Pid startSupervisor(Node node) {
            return null;
        }

        @Override
        String children() {
            return "supervised processes listed in their supervisor's spec";
        }
    }

    /** Apache Pekko: an actor system with a childless parent actor, new for every iteration. */
    @State(Scope.Benchmark)
    public static class Pekko extends IdleChildren {

        ActorSystem<SpawnProtocol.Command> system;
        ActorRef<SpawnChildren> parent;
        CountDownLatch starting;
        Behavior<Void> child;

        @Override
        void startParent() {
            system = PekkoRuntime.start();
            parent = PekkoRuntime.spawn(system, pekkoParent(), "parent");
            CountDownLatch latch = new CountDownLatch(processes);
            starting = latch;
            child = Behaviors.supervise(Behaviors.<Void>setup(context -> {
                latch.countDown();
                return Behaviors.ignore();
            })).onFailure(SupervisorStrategy.restart());
        }

        @Override
        long started() {
            return processes - starting.getCount();
        }

        @Override
        void stopAll() {
            PekkoRuntime.stop(system);
        }

        @Override
        String close() {
            return "";
        }

        @Override
        String children() {
            return "supervised child actors";
        }
    }

    /** A GenServer that does nothing: an idle process. */
    static final class Idle implements GenServer {
    }

    /** Pekko: spawn {@code count} children with {@code behavior}. */
    record SpawnChildren(int count, Behavior<?> behavior) {
    }

    /** Pekko: the parent, spawning children as {@link SpawnChildren} says. */
    static Behavior<SpawnChildren> pekkoParent() {
        return Behaviors.setup(context -> Behaviors.receiveMessage(spawn -> {
            for (int i = 0; i < spawn.count(); i++) {
                context.spawnAnonymous(spawn.behavior());
            }
            return Behaviors.same();
        }));
    }

    @Benchmark
    public Pid otpSpawnListedChildren(OtpListed otp) {
        List<ChildSpec> children = new ArrayList<>(otp.processes);
        for (int i = 0; i < otp.processes; i++) {
            children.add(ChildSpec.worker("idle-" + i, Idle::new));
        }
        Pid supervisor = Supervisor.start(otp.node, SupervisorSpec.oneForOne(children.toArray(ChildSpec[]::new)));
        otp.supervisor = supervisor;
        return supervisor;
    }

    @Benchmark
    public Pid otpSpawnSupervised(Otp otp) {
        Pid supervisor = Objects.requireNonNull(otp.supervisor);
        Pid last = supervisor;
        for (int i = 0; i < otp.processes; i++) {
            last = Supervisor.startChild(supervisor, ChildSpec.worker("idle-" + i, Idle::new));
        }
        return last;
    }

    @Benchmark
    public long pekkoSpawnSupervised(Pekko pekko) throws InterruptedException {
        pekko.parent.tell(new SpawnChildren(pekko.processes, pekko.child));
        pekko.starting.await();
        return pekko.starting.getCount();
    }
}
