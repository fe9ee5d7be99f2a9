package io.otpspring.benchmarks;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jctools.queues.MpscLinkedQueue;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * The queue behind the default mailbox, the JDK's {@link ConcurrentLinkedQueue}, against JCTools'
 * {@link MpscUnboundedXaddArrayQueue} (chunks of {@value #CHUNK}) and {@link MpscLinkedQueue}:
 * producers offer, one consumer polls, as in a process's mailbox. Group {@code oneToOne} has one
 * producer, {@code fourToOne} four. Read the {@code …Poll} line: messages delivered per second
 * (the group's total adds the offers too). The queues are unbounded, so a producer pauses while
 * more than {@value #BACKLOG} messages wait (it checks every {@value #STRIDE} offers, the consumer
 * publishes its count every {@value #STRIDE} polls), keeping the backlog and the heap bounded.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = { Jvm.HEAP_MIN, Jvm.HEAP_MAX })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class MailboxQueueBenchmark {

    static final int CHUNK = 256;
    static final int STRIDE = 256;
    static final long BACKLOG = 1 << 16;
    private static final Object MESSAGE = new Object();

    /** One mailbox, shared by its producers and its consumer. */
    @State(Scope.Group)
    public static class Mailbox {

        @Param({ "ConcurrentLinkedQueue", "MpscUnboundedXaddArrayQueue", "MpscLinkedQueue" })
        String queue;

        Queue<Object> messages;
        final AtomicLong offered = new AtomicLong();
        final AtomicLong polled = new AtomicLong();

        @Setup
        public void create() {
            messages = switch (queue) {
                case "ConcurrentLinkedQueue" -> new ConcurrentLinkedQueue<>();
                case "MpscUnboundedXaddArrayQueue" -> new MpscUnboundedXaddArrayQueue<>(CHUNK);
                case "MpscLinkedQueue" -> new MpscLinkedQueue<>();
                default -> throw new IllegalArgumentException("unknown queue " + queue);
            };
        }
    }

    /** A producer's offers since it last published them. */
    @State(Scope.Thread)
    public static class Producer {

        int unpublished;
    }

    /** The consumer's polls. */
    @State(Scope.Thread)
    public static class Consumer {

        long polled;
    }

    @Benchmark
    @Group("oneToOne")
    @GroupThreads(1)
    public void oneToOneOffer(Mailbox mailbox, Producer producer, Control control) {
        offer(mailbox, producer, control);
    }

    @Benchmark
    @Group("oneToOne")
    @GroupThreads(1)
    public @Nullable Object oneToOnePoll(Mailbox mailbox, Consumer consumer, Control control) {
        return poll(mailbox, consumer, control);
    }

    @Benchmark
    @Group("fourToOne")
    @GroupThreads(4)
    public void fourToOneOffer(Mailbox mailbox, Producer producer, Control control) {
        offer(mailbox, producer, control);
    }

    @Benchmark
    @Group("fourToOne")
    @GroupThreads(1)
    public @Nullable Object fourToOnePoll(Mailbox mailbox, Consumer consumer, Control control) {
        return poll(mailbox, consumer, control);
    }

    private static void offer(Mailbox mailbox, Producer producer, Control control) {
        mailbox.messages.offer(MESSAGE);
        if (++producer.unpublished == STRIDE) {
            producer.unpublished = 0;
            long offered = mailbox.offered.addAndGet(STRIDE);
            while (offered - mailbox.polled.get() > BACKLOG && !control.stopMeasurement) {
                Thread.yield();
            }
        }
    }

    /** Waits for a message: an empty poll is not an operation. Returns null only when the iteration ends. */
    private static @Nullable Object poll(Mailbox mailbox, Consumer consumer, Control control) {
        Object message;
        while ((message = mailbox.messages.poll()) == null && !control.stopMeasurement) {
            Thread.onSpinWait();
        }
        if (message != null && ++consumer.polled % STRIDE == 0) {
            mailbox.polled.lazySet(consumer.polled);
        }
        return message;
    }
}
