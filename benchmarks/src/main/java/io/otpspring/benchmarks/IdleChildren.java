package io.otpspring.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The state of the benchmarks that start {@code processes} idle children under one parent (a
 * supervisor, or a Pekko actor): a new runtime and empty parent for every iteration. After each
 * iteration, with all children idle, it prints the heap each costs (used heap after a full GC,
 * minus the same before, divided by their number: a process's own objects plus its parent's
 * bookkeeping for it) and how long it took to stop them all. Printed rather than a JMH
 * {@code @AuxCounters} counter, because JMH's summary table sums such counters over the iterations.
 * {@link OtpChildren} and {@link SpawnBenchmark.Pekko} say how to start and stop a runtime.
 */
@State(Scope.Benchmark)
public abstract class IdleChildren {

    @Param("1000000")
    int processes;

    private long heapBefore;

    /** Starts a runtime and the empty parent the benchmark fills. */
    abstract void startParent();

    /** How many children run now. */
    abstract long started();

    /** Stops the parent and every child with it (timed). */
    abstract void stopAll();

    /** After {@link #stopAll}, untimed: what is left (for the printed line) and the runtime closed. */
    abstract String close();

    /** What the children are, for the printed line. */
    abstract String children();

    @Setup(Level.Iteration)
    public void start() {
        startParent();
        heapBefore = Heap.usedAfterGc();
    }

    @TearDown(Level.Iteration)
    public void stop() {
        long bytesEach = (Heap.usedAfterGc() - heapBefore) / processes;
        long started = started();
        long began = System.nanoTime();
        stopAll();
        long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        String left = close();
        System.out.printf("%n[heap] %,d idle %s: %,d bytes each; shutdown of all: %,d ms%s%n", started, children(),
                bytesEach, stopMillis, left);
    }
}
