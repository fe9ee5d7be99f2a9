package io.otpspring.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.otpspring.core.process.Behavior;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Savina's fork-join throughput ({@code fjthrput}): one thread sends {@value #MESSAGES_PER_WORKER}
 * messages to each of {@value #WORKERS} workers, round-robin (one to each worker, then the next
 * round), and each worker does a little arithmetic per message (Savina's {@code sin(37.2)²}). An
 * invocation ends when every worker has handled its share, so with {@code @OperationsPerInvocation}
 * the score is messages <em>handled</em> per second. Unlike the thread ring, the workers' mailboxes
 * fill up while the sender runs, so each wake-up drains many messages.
 * <ul>
 * <li>otp-spring: plain processes ({@link Behavior}), sent to with {@code Pid.send}.</li>
 * <li>Pekko: actors with a {@code Behaviors.receiveMessage} behavior, sent to with {@code tell}.</li>
 * </ul>
 * The message is the invocation's {@link Batch} itself (the same object for every send), which
 * counts the workers done.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = { Jvm.HEAP_MIN, Jvm.HEAP_MAX })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Threads(1)
public class ForkJoinThroughputBenchmark {

    /** Savina's defaults: 60 workers, 10,000 messages each. */
    static final int WORKERS = 60;
    static final int MESSAGES_PER_WORKER = 10_000;
    private static final double THETA = 37.2;

    /** The workers of either runtime; {@code R} is how a worker is addressed. */
    @State(Scope.Benchmark)
    public abstract static class Workers<R> {

        final List<R> workers = new ArrayList<>();

        /** Sends every worker its share, round-robin, and waits until all have handled it. */
        void batch() {
            Batch batch = new Batch();
            for (int i = 0; i < MESSAGES_PER_WORKER; i++) {
                for (int w = 0; w < WORKERS; w++) {
                    send(workers.get(w), batch);
                }
            }
            batch.done.join();
        }

        abstract void send(R worker, Batch batch);
    }

    /** One invocation's messages: done when every worker has handled its share. */
    static final class Batch {

        final AtomicInteger workersLeft = new AtomicInteger(WORKERS);
        final CompletableFuture<Void> done = new CompletableFuture<>();

        void workerDone() {
            if (workersLeft.decrementAndGet() == 0) {
                done.complete(null);
            }
        }
    }

    /** A worker's count of the messages it handled in this batch. */
    static final class Share {

        private int handled;

        /** Handles one message of {@code batch}: the computation, and the batch told when the share is done. */
        void handle(Batch batch) {
            compute();
            if (++handled == MESSAGES_PER_WORKER) {
                handled = 0;
                batch.workerDone();
            }
        }

        /** Savina's {@code performComputation(37.2)}, whose check keeps the result alive. */
        private static void compute() {
            double sin = Math.sin(THETA);
            if (sin * sin <= 0) {
                throw new IllegalStateException("unrealistic result " + sin * sin);
            }
        }
    }

    /** otp-spring: {@value #WORKERS} processes on one node. */
    @State(Scope.Benchmark)
    public static class Otp extends Workers<Pid> {

        Node node;

        @Setup
        public void start() {
            node = Node.start("bench");
            for (int w = 0; w < WORKERS; w++) {
                Share share = new Share();
                workers.add(node.spawn(message -> share.handle((Batch) message)));
            }
        }

        @TearDown
        public void stop() {
            node.close();
        }

        @Override
        void send(Pid worker, Batch batch) {
            worker.send(batch);
        }
    }

    /** Apache Pekko: {@value #WORKERS} top-level actors in one actor system. */
    @State(Scope.Benchmark)
    public static class Pekko extends Workers<ActorRef<Batch>> {

        ActorSystem<SpawnProtocol.Command> system;

        @Setup
        public void start() {
            system = PekkoRuntime.start();
            for (int w = 0; w < WORKERS; w++) {
                workers.add(PekkoRuntime.spawn(system, Behaviors.setup(context -> {
                    Share share = new Share();
                    return Behaviors.receiveMessage(batch -> {
                        share.handle(batch);
                        return Behaviors.same();
                    });
                }), "worker-" + w));
            }
        }

        @TearDown
        public void stop() {
            PekkoRuntime.stop(system);
        }

        @Override
        void send(ActorRef<Batch> worker, Batch batch) {
            worker.tell(batch);
        }
    }

    @Benchmark
    @OperationsPerInvocation(WORKERS * MESSAGES_PER_WORKER)
    public void otpForkJoinThroughput(Otp otp) {
        otp.batch();
    }

    @Benchmark
    @OperationsPerInvocation(WORKERS * MESSAGES_PER_WORKER)
    public void pekkoForkJoinThroughput(Pekko pekko) {
        pekko.batch();
    }
}
