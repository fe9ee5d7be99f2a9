package io.otpspring.benchmarks;

import java.util.concurrent.TimeUnit;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The state of the benchmarks that start {@code processes} idle children under one supervisor: a
 * new node and empty supervisor for every iteration. After each iteration, with all children
 * idle, it prints the heap each costs (used heap after a full GC, minus the same before, divided
 * by their number: a process's own objects plus its supervisor's bookkeeping for it) and how long
 * the supervisor took to shut down, stopping every child. Printed rather than a JMH
 * {@code @AuxCounters} counter, because JMH's summary table sums such counters over the iterations.
 */
@State(Scope.Benchmark)
public abstract class IdleChildren {

    @Param("1000000")
    int processes;

    Node node;
    Pid supervisor;
    private long heapBefore;

    /** Starts the empty supervisor the benchmark fills. */
    abstract Pid startSupervisor(Node node);

    /** What the children are, for the printed line. */
    abstract String children();

    @Setup(Level.Iteration)
    public void start() {
        node = Node.start("bench");
        supervisor = startSupervisor(node);
        heapBefore = Heap.usedAfterGc();
    }

    @TearDown(Level.Iteration)
    public void stop() {
        long bytesEach = (Heap.usedAfterGc() - heapBefore) / processes;
        int started = node.processCount() - 1;
        long began = System.nanoTime();
        node.stop(supervisor, ExitReason.SHUTDOWN, null);
        long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        System.out.printf("%n[heap] %,d idle %s: %,d bytes each; shutdown of all: %,d ms, %d left%n", started,
                children(), bytesEach, stopMillis, node.processCount());
        node.close();
    }
}
