package io.otpspring.benchmarks;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.DynamicSupervisor;
import io.otpspring.core.supervision.DynamicSupervisorSpec;
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
 * Starts {@code processes} idle GenServers (a million in the full run) under one
 * {@link DynamicSupervisor}, each with its own {@link ChildSpec} capturing a per-child argument, as
 * a process per user would be. The score is the time to start all of them ({@code SingleShotTime}).
 * {@link IdleChildren} prints the heap each child costs and the shutdown time after each iteration.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { Jvm.HEAP_MIN, Jvm.HEAP_MAX })
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class DynamicChildrenBenchmark {

    /** otp-spring: a node with an empty dynamic supervisor, new for every iteration. */
    @State(Scope.Benchmark)
    public static class Otp extends OtpChildren {

        @Override
        Pid startSupervisor(Node node) {
            return DynamicSupervisor.start(node, DynamicSupervisorSpec.defaults());
        }

        @Override
        String children() {
            return "dynamic children";
        }
    }

    /** An idle GenServer holding its per-child argument, as a process per user would. */
    record Session(long user) implements GenServer {
    }

    @Benchmark
    public Pid otpStartDynamicChildren(Otp otp) {
        Pid supervisor = Objects.requireNonNull(otp.supervisor);
        Pid last = supervisor;
        for (int i = 0; i < otp.processes; i++) {
            long user = i;
            last = DynamicSupervisor.startChild(supervisor, ChildSpec.worker("session", () -> new Session(user)))
                    .orElseThrow();
        }
        return last;
    }
}
