package io.otpspring.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
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
 * 1, 2 or 4 producer threads send fire-and-forget messages to one server: a {@code GenServer.cast}
 * to a {@link GenServer}, a {@code tell} to a Pekko actor. Each invocation sends a batch of
 * {@value #BATCH} messages and then waits until the server has handled all of them (every message
 * is its producer's counter, which the server increments), so with
 * {@code @OperationsPerInvocation} the score is messages <em>handled</em> per second, summed over
 * the producers, not merely enqueued.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = { Jvm.HEAP_MIN, Jvm.HEAP_MAX })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class CastThroughputBenchmark {

    static final int BATCH = 1_000;

    /** otp-spring: a node running one counting server. */
    @State(Scope.Benchmark)
    public static class Otp {

        Node node;
        Pid counter;
        Consumer<AtomicLong> cast;

        @Setup
        public void start() {
            node = Node.start("bench");
            counter = GenServer.start(node, new Counter());
            cast = message -> GenServer.cast(counter, message);
        }

        @TearDown
        public void stop() {
            node.close();
        }
    }

    /** Apache Pekko: an actor system running one counting actor. */
    @State(Scope.Benchmark)
    public static class Pekko {

        ActorSystem<SpawnProtocol.Command> system;
        ActorRef<AtomicLong> counter;
        Consumer<AtomicLong> tell;

        @Setup
        public void start() {
            system = PekkoRuntime.start();
            counter = PekkoRuntime.spawn(system, pekkoCounter(), "counter");
            tell = counter::tell;
        }

        @TearDown
        public void stop() {
            PekkoRuntime.stop(system);
        }
    }

    /** One producer thread: how many messages it sent, and how many of them the server handled. */
    @State(Scope.Thread)
    public static class Producer {

        final AtomicLong handled = new AtomicLong();
        long sent;

        /** Waits, yielding the CPU to the server, until it has handled everything sent so far. */
        void awaitHandled() {
            while (handled.get() < sent) {
                Thread.yield();
            }
        }
    }

    /** Counts each cast on the counter the cast carries. */
    static final class Counter implements GenServer {

        @Override
        public void handleCast(Object message) {
            ((AtomicLong) message).incrementAndGet();
        }
    }

    /** Pekko's {@link Counter}. */
    static Behavior<AtomicLong> pekkoCounter() {
        return Behaviors.receiveMessage(message -> {
            message.incrementAndGet();
            return Behaviors.same();
        });
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BATCH)
    public void otpCast1Producer(Otp otp, Producer producer) {
        sendBatch(otp.cast, producer);
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(BATCH)
    public void otpCast2Producers(Otp otp, Producer producer) {
        sendBatch(otp.cast, producer);
    }

    @Benchmark
    @Threads(4)
    @OperationsPerInvocation(BATCH)
    public void otpCast4Producers(Otp otp, Producer producer) {
        sendBatch(otp.cast, producer);
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BATCH)
    public void pekkoTell1Producer(Pekko pekko, Producer producer) {
        sendBatch(pekko.tell, producer);
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(BATCH)
    public void pekkoTell2Producers(Pekko pekko, Producer producer) {
        sendBatch(pekko.tell, producer);
    }

    @Benchmark
    @Threads(4)
    @OperationsPerInvocation(BATCH)
    public void pekkoTell4Producers(Pekko pekko, Producer producer) {
        sendBatch(pekko.tell, producer);
    }

    /** Sends a batch of the producer's counter with {@code send} (one runtime per fork, so the call inlines). */
    private static void sendBatch(Consumer<AtomicLong> send, Producer producer) {
        for (int i = 0; i < BATCH; i++) {
            send.accept(producer.handled);
        }
        producer.sent += BATCH;
        producer.awaitHandled();
    }
}
