package io.otpspring.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JDK's own cost of waking one idle unit of work, the floor under {@link ThreadRingBenchmark}:
 * a lap of {@code hops} hand-offs (10 million in the full run), one in flight at a time, with no
 * mailbox, no message and no process around them. The score is the time of a lap
 * ({@code SingleShotTime}, ms); score / {@code hops} is the cost of one hand-off.
 * <ul>
 * <li>{@code jdkVirtualThreadPerHop}: each hop starts a new virtual thread, which starts the next
 * and ends: what otp-spring does to wake an idle process (a process gives its virtual thread up
 * when its mailbox is empty, so that an idle process holds none).</li>
 * <li>{@code jdkParkedVirtualThreadRing}: {@code ringSize} virtual threads stay parked, and each hop
 * unparks the next: the alternative of one parked virtual thread per idle process.</li>
 * <li>{@code jdkForkJoinTaskPerHop}: each hop submits a task to a {@link ForkJoinPool} in async mode,
 * as Pekko's dispatcher schedules an actor that has mail.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { Jvm.HEAP_MIN, Jvm.HEAP_MAX })
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Threads(1)
public class HandOffFloorBenchmark {

    /** The lap's length, and a count of the hops left in it. */
    @State(Scope.Benchmark)
    public static class Lap {

        @Param("1000")
        int ringSize;

        @Param("10000000")
        int hops;

        final AtomicInteger left = new AtomicInteger();
        CountDownLatch done;

        void begin() {
            left.set(hops);
            done = new CountDownLatch(1);
        }

        /** Counts a hop; whether the lap goes on. */
        boolean hop() {
            int remaining = left.decrementAndGet();
            if (remaining == 0) {
                done.countDown();
            }
            return remaining > 0;
        }
    }

    /** A pool configured as the virtual-thread scheduler is: one thread per core, async mode. */
    @State(Scope.Benchmark)
    public static class Pool {

        ForkJoinPool pool;

        @Setup
        public void start() {
            pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors(),
                    ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, true);
        }

        @TearDown
        public void stop() {
            pool.shutdownNow();
        }
    }

    @Benchmark
    public long jdkVirtualThreadPerHop(Lap lap) throws InterruptedException {
        lap.begin();
        Runnable hop = new Runnable() {
            @Override
            public void run() {
                if (lap.hop()) {
                    Thread.startVirtualThread(this);
                }
            }
        };
        Thread.startVirtualThread(hop);
        lap.done.await();
        return lap.left.get();
    }

    @Benchmark
    public long jdkParkedVirtualThreadRing(Lap lap) throws InterruptedException {
        lap.begin();
        Thread[] members = new Thread[lap.ringSize];
        AtomicIntegerArray holding = new AtomicIntegerArray(lap.ringSize);
        for (int i = 0; i < members.length; i++) {
            int me = i;
            members[i] = Thread.ofVirtual().unstarted(() -> {
                boolean goOn = true;
                while (goOn) {
                    while (holding.get(me) == 0) {
                        LockSupport.park();
                    }
                    holding.set(me, 0);
                    goOn = lap.hop();
                    int next = (me + 1) % members.length;
                    holding.set(next, 1);
                    LockSupport.unpark(members[next]);
                }
            });
        }
        for (Thread member : members) {
            member.start();
        }
        holding.set(0, 1);
        LockSupport.unpark(members[0]);
        lap.done.await();
        for (Thread member : members) {
            member.join(); // each ends once it has passed the token on after the lap's last hop
        }
        return lap.left.get();
    }

    @Benchmark
    public long jdkForkJoinTaskPerHop(Lap lap, Pool pool) throws InterruptedException {
        lap.begin();
        Runnable hop = new Runnable() {
            @Override
            public void run() {
                if (lap.hop()) {
                    pool.pool.execute(this);
                }
            }
        };
        pool.pool.execute(hop);
        lap.done.await();
        return lap.left.get();
    }
}
