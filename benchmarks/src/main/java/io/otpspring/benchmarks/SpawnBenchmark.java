package io.otpspring.benchmarks;

import java.util.concurrent.TimeUnit;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.core.supervision.SupervisorSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Spawns {@code processes} idle GenServers (a million in the full run) under one one-for-one
 * supervisor, one {@link Supervisor#startChild} with {@link ChildSpec#worker} each. The score is
 * the time for all of them ({@code SingleShotTime}). After each iteration, with all of them idle,
 * it prints the heap each costs: used heap after a full GC, minus the same before, divided by
 * their number (a process's own objects plus its supervisor's bookkeeping for it). Printed rather
 * than a JMH {@code @AuxCounters} counter, because JMH's summary table sums such counters over the
 * iterations. Then the supervisor shuts down, stopping every child.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { Jvm.HEAP_MIN, Jvm.HEAP_MAX })
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class SpawnBenchmark {

    /** otp-spring: a node with an empty supervisor, new for every iteration. */
    @State(Scope.Benchmark)
    public static class Otp {

        @Param("1000000")
        int processes;

        Node node;
        Pid supervisor;
        long heapBefore;

        @Setup(Level.Iteration)
        public void start() {
            node = Node.start("bench");
            supervisor = Supervisor.start(node, SupervisorSpec.oneForOne());
            heapBefore = Heap.usedAfterGc();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            long bytesPerProcess = (Heap.usedAfterGc() - heapBefore) / processes;
            System.out.printf("%n[heap] %,d idle supervised processes: %,d bytes each%n", node.processCount() - 1,
                    bytesPerProcess);
            node.stop(supervisor, ExitReason.SHUTDOWN, null);
            node.close();
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
