package io.otpspring.benchmarks;

import java.util.concurrent.TimeUnit;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.DynamicSupervisor;
import io.otpspring.core.supervision.DynamicSupervisorSpec;
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
 * Starts {@code processes} idle GenServers (a million in the full run) under one
 * {@link DynamicSupervisor}, each with its own {@link ChildSpec} capturing a per-child argument, as
 * a process per user would be. The score is the time to start all of them ({@code SingleShotTime}).
 * After each iteration it prints the heap each child costs (used heap after a full GC, minus the
 * same before, divided by their number) and how long the supervisor took to shut down, stopping
 * every child.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { Jvm.HEAP_MIN, Jvm.HEAP_MAX })
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class DynamicChildrenBenchmark {

    /** otp-spring: a node with an empty dynamic supervisor, new for every iteration. */
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
            supervisor = DynamicSupervisor.start(node, DynamicSupervisorSpec.defaults());
            heapBefore = Heap.usedAfterGc();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            long bytesPerChild = (Heap.usedAfterGc() - heapBefore) / processes;
            int children = DynamicSupervisor.countChildren(supervisor).active();
            long began = System.nanoTime();
            node.stop(supervisor, ExitReason.SHUTDOWN, null);
            long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            System.out.printf("%n[heap] %,d idle dynamic children: %,d bytes each; shutdown of all: %,d ms, %d left%n",
                    children, bytesPerChild, stopMillis, node.processCount());
            node.close();
        }
    }

    /** An idle GenServer holding its per-child argument, as a process per user would. */
    record Session(long user) implements GenServer {
    }

    @Benchmark
    public Pid otpStartDynamicChildren(Otp otp) {
        Pid last = otp.supervisor;
        for (int i = 0; i < otp.processes; i++) {
            long user = i;
            last = DynamicSupervisor.startChild(otp.supervisor, ChildSpec.worker("session", () -> new Session(user)))
                    .orElseThrow();
        }
        return last;
    }
}
