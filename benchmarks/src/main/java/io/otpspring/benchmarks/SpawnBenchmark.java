package io.otpspring.benchmarks;

import java.util.concurrent.TimeUnit;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.core.supervision.SupervisorSpec;
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
 * Spawns {@code processes} idle GenServers (a million in the full run) under one one-for-one
 * supervisor, one {@link Supervisor#startChild} with {@link ChildSpec#worker} each. The score is
 * the time for all of them ({@code SingleShotTime}); {@link IdleChildren} prints the heap each
 * costs and the shutdown time after each iteration.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { Jvm.HEAP_MIN, Jvm.HEAP_MAX })
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class SpawnBenchmark {

    /** otp-spring: a node with an empty supervisor, new for every iteration. */
    @State(Scope.Benchmark)
    public static class Otp extends IdleChildren {

        @Override
        Pid startSupervisor(Node node) {
            return Supervisor.start(node, SupervisorSpec.oneForOne());
        }

        @Override
        String children() {
            return "supervised processes";
        }
    }

    /** A GenServer that does nothing: an idle process. */
    static final class Idle implements GenServer {
    }

    @Benchmark
    public Pid otpSpawnSupervised(Otp otp) {
        Pid last = otp.supervisor;
        for (int i = 0; i < otp.processes; i++) {
            last = Supervisor.startChild(otp.supervisor, ChildSpec.worker("idle-" + i, Idle::new));
        }
        return last;
    }
}
