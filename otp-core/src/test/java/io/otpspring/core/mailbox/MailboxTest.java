package io.otpspring.core.mailbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.DeadLetter;
import io.otpspring.core.process.DeadLetter.Cause;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.Probe;
import io.otpspring.core.process.SpawnOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.otpspring.core.process.Probe.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class MailboxTest {

    private static List<Object> drain(Mailbox mailbox) {
        List<Object> out = new ArrayList<>();
        Object message;
        while ((message = mailbox.poll()) != null) {
            out.add(message);
        }
        return out;
    }

    // ------------------------------------------------------------ single-threaded behaviour

    @Test
    void rejectThrowsToTheSenderWhenFull() {
        Mailbox mailbox = MailboxSpec.bounded(2, OverflowPolicy.REJECT).create();
        assertThat(mailbox.offer("a", "me")).isNull();
        assertThat(mailbox.offer("b", "me")).isNull();

        assertThatThrownBy(() -> mailbox.offer("c", "me"))
                .isInstanceOfSatisfying(MailboxFullException.class, ex -> assertThat(ex.capacity()).isEqualTo(2))
                .hasMessageContaining("me");

        assertThat(mailbox.size()).isEqualTo(2);
        assertThat(mailbox.poll()).isEqualTo("a");
        assertThat(mailbox.offer("d", "me")).as("room again after a poll").isNull();
        assertThat(drain(mailbox)).containsExactly("b", "d");
        assertThat(mailbox.isEmpty()).isTrue();
        assertThat(mailbox.size()).isZero();
    }

    @Test
    void dropNewestDropsAndReturnsTheArrivingMessage() {
        Mailbox mailbox = MailboxSpec.bounded(2, OverflowPolicy.DROP_NEWEST).create();
        mailbox.offer("a", "me");
        mailbox.offer("b", "me");

        assertThat(mailbox.offer("c", "me")).isEqualTo("c");

        assertThat(mailbox.size()).isEqualTo(2);
        assertThat(drain(mailbox)).containsExactly("a", "b");
    }

    @Test
    void dropOldestDropsAndReturnsTheOldestMessage() {
        Mailbox mailbox = MailboxSpec.bounded(2, OverflowPolicy.DROP_OLDEST).create();
        mailbox.offer("a", "me");
        mailbox.offer("b", "me");

        assertThat(mailbox.offer("c", "me")).isEqualTo("a");
        assertThat(mailbox.offer("d", "me")).isEqualTo("b");

        assertThat(mailbox.size()).isEqualTo(2);
        assertThat(drain(mailbox)).containsExactly("c", "d");
        assertThat(mailbox.size()).isZero();
    }

    @Test
    void forceIgnoresTheBoundAndIsCounted() {
        Mailbox mailbox = MailboxSpec.bounded(1, OverflowPolicy.REJECT).create();
        mailbox.offer("a", "me");

        mailbox.force("signal");

        assertThat(mailbox.size()).isEqualTo(2);
        assertThatThrownBy(() -> mailbox.offer("b", "me")).isInstanceOf(MailboxFullException.class);
        assertThat(drain(mailbox)).containsExactly("a", "signal");
        assertThat(mailbox.size()).isZero();
    }

    @Test
    void unboundedAcceptsEverything() {
        MailboxSpec spec = MailboxSpec.unbounded();
        Mailbox mailbox = spec.create();
        assertThat(spec.isBounded()).isFalse();

        for (int i = 0; i < 10_000; i++) {
            assertThat(mailbox.offer(i, "me")).isNull();
        }

        assertThat(mailbox.size()).isEqualTo(10_000);
        List<Object> out = drain(mailbox);
        assertThat(out).hasSize(10_000);
        assertThat(out.get(0)).isEqualTo(0);
        assertThat(out.get(9_999)).isEqualTo(9_999);
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> MailboxSpec.bounded(0, OverflowPolicy.REJECT)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MailboxSpec.bounded(1, OverflowPolicy.DROP_NEWEST).isBounded()).isTrue();
    }

    // ------------------------------------------------------------ through a process

    /** A process blocked on its first message ("in hand"), with a bounded mailbox. */
    private static final class Blocked {
        final Probe.Gate gate = new Probe.Gate();
        final Probe probe = Probe.reacting((self, message) -> {
            if ("in hand".equals(message)) {
                gate.pass();
            }
        });
        final Pid pid;

        Blocked(Node node, int capacity, OverflowPolicy policy) {
            pid = probe.spawn(node, SpawnOptions.defaults().withMailbox(MailboxSpec.bounded(capacity, policy)));
            pid.send("in hand");
            gate.awaitEntered();
        }
    }

    @Test
    void aFullRejectingProcessMailboxThrowsToTheSender() throws Exception {
        try (Node node = Node.start("mailbox-reject"); Probe.DeadLetterLog letters = Probe.deadLetters(node)) {
            Blocked blocked = new Blocked(node, 1, OverflowPolicy.REJECT);
            blocked.pid.send("queued");

            assertThatThrownBy(() -> blocked.pid.send("rejected")).isInstanceOf(MailboxFullException.class);

            blocked.gate.open();
            blocked.probe.awaitReceived("queued");
            blocked.pid.send("accepted again");
            blocked.probe.awaitReceived("accepted again");
            assertThat(blocked.probe.received()).containsExactly("in hand", "queued", "accepted again");
            assertThat(letters.all()).as("the sender was told; nothing else is published").isEmpty();
        }
    }

    @Test
    void aFullDropNewestProcessMailboxDropsTheArrivingMessageAsADeadLetter() throws Exception {
        try (Node node = Node.start("mailbox-drop-newest"); Probe.DeadLetterLog letters = Probe.deadLetters(node)) {
            Blocked blocked = new Blocked(node, 2, OverflowPolicy.DROP_NEWEST);
            blocked.pid.send("q1");
            blocked.pid.send("q2");
            blocked.pid.send("q3");

            DeadLetter dropped = letters.awaitLetter(Cause.MAILBOX_FULL, "q3");
            assertThat(dropped.recipient()).isEqualTo(blocked.pid);
            blocked.gate.open();
            blocked.probe.awaitReceived("q2");
            blocked.pid.send("marker");
            blocked.probe.awaitReceived("marker");
            assertThat(blocked.probe.received()).containsExactly("in hand", "q1", "q2", "marker");
            assertThat(letters.all()).hasSize(1);
        }
    }

    @Test
    void aFullDropOldestProcessMailboxDropsTheOldestMessageAsADeadLetter() throws Exception {
        try (Node node = Node.start("mailbox-drop-oldest"); Probe.DeadLetterLog letters = Probe.deadLetters(node)) {
            Blocked blocked = new Blocked(node, 2, OverflowPolicy.DROP_OLDEST);
            blocked.pid.send("q1");
            blocked.pid.send("q2");
            blocked.pid.send("q3");

            DeadLetter dropped = letters.awaitLetter(Cause.MAILBOX_FULL, "q1");
            assertThat(dropped.recipient()).isEqualTo(blocked.pid);
            blocked.gate.open();
            blocked.probe.awaitReceived("q3");
            assertThat(blocked.probe.received()).containsExactly("in hand", "q2", "q3");
            assertThat(letters.all()).hasSize(1);
        }
    }

    @Test
    void aCallDroppedByAFullMailboxFailsTheCallerAtOnce() throws Exception {
        try (Node node = Node.start("mailbox-call")) {
            Probe.Gate gate = new Probe.Gate();
            Pid server = GenServer.start(node, new GenServer() {
                @Override
                public Reply handleCall(Object request, From from) {
                    if ("block".equals(request)) {
                        gate.pass();
                    }
                    return Reply.of(request);
                }
            }, SpawnOptions.defaults().withMailbox(MailboxSpec.bounded(1, OverflowPolicy.DROP_NEWEST)));
            CompletableFuture<Object> blocking = CompletableFuture
                    .supplyAsync(() -> GenServer.call(server, "block", Duration.ofMinutes(1)));
            gate.awaitEntered();
            GenServer.cast(server, "fills the mailbox");

            try {
                assertThatThrownBy(() -> GenServer.call(server, "dropped", Duration.ofMinutes(1)))
                        .isInstanceOf(MailboxFullException.class);
            }
            finally {
                gate.open();
            }
            assertThat(blocking.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("block");
        }
    }

    // ------------------------------------------------------------ concurrency

    private static final int PRODUCERS = 4;
    private static final int PER_PRODUCER = 50_000;
    private static final int SENT = PRODUCERS * PER_PRODUCER;

    /**
     * Producers offer distinct ids into one small bounded mailbox while one consumer polls. Each id
     * must come out exactly once, either polled by the consumer or handed back as dropped (or, for
     * REJECT, thrown back to its sender), and each producer's ids must be polled in order.
     */
    @ParameterizedTest
    @EnumSource(OverflowPolicy.class)
    void concurrentProducersAreAccountedForExactly(OverflowPolicy policy) throws Exception {
        Mailbox mailbox = MailboxSpec.bounded(16, policy).create();
        AtomicIntegerArray seen = new AtomicIntegerArray(SENT);
        AtomicLong accepted = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        AtomicLong polled = new AtomicLong();
        AtomicBoolean producing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> orderViolations = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS + 1);
        try {
            Future<?> consumer = pool.submit(() -> {
                int[] last = new int[PRODUCERS];
                java.util.Arrays.fill(last, -1);
                start.await();
                for (;;) {
                    boolean stillProducing = producing.get();
                    Object message = mailbox.poll();
                    if (message == null) {
                        if (!stillProducing) {
                            return null;
                        }
                        Thread.onSpinWait();
                        continue;
                    }
                    int id = (Integer) message;
                    seen.incrementAndGet(id);
                    polled.incrementAndGet();
                    int producer = id / PER_PRODUCER;
                    if (id <= last[producer]) {
                        orderViolations.add(id + " after " + last[producer]);
                    }
                    last[producer] = id;
                }
            });
            List<Future<?>> producers = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                int base = p * PER_PRODUCER;
                producers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < PER_PRODUCER; i++) {
                        Integer id = base + i;
                        try {
                            Object out = mailbox.offer(id, "target");
                            if (out == null) {
                                accepted.incrementAndGet();
                            }
                            else {
                                dropped.incrementAndGet();
                                seen.incrementAndGet((Integer) out);
                                if (policy == OverflowPolicy.DROP_NEWEST && !id.equals(out)) {
                                    orderViolations.add("DROP_NEWEST returned " + out + " for " + id);
                                }
                            }
                        }
                        catch (MailboxFullException rejected) {
                            dropped.incrementAndGet();
                            seen.incrementAndGet(id);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> producer : producers) {
                producer.get(1, TimeUnit.MINUTES);
            }
            producing.set(false);
            consumer.get(1, TimeUnit.MINUTES);
        }
        finally {
            pool.shutdownNow();
        }

        assertThat(polled.get() + dropped.get()).as("polled + dropped = sent").isEqualTo(SENT);
        if (policy != OverflowPolicy.DROP_OLDEST) {
            assertThat(accepted.get() + dropped.get()).as("accepted + dropped = sent").isEqualTo(SENT);
            assertThat(polled.get()).as("every accepted message is polled").isEqualTo(accepted.get());
        }
        for (int id = 0; id < SENT; id++) {
            assertThat(seen.get(id)).as("times id %d came out", id).isEqualTo(1);
        }
        assertThat(orderViolations).as("per-producer order").isEmpty();
        assertThat(mailbox.isEmpty()).isTrue();
        assertThat(mailbox.size()).as("the size counter is exact").isZero();
    }

    /** The same through a process: handled + MAILBOX_FULL dead letters = sent, each message once. */
    @ParameterizedTest
    @EnumSource(value = OverflowPolicy.class, names = {"DROP_NEWEST", "DROP_OLDEST"})
    void concurrentSendersToABoundedProcessAreAccountedForExactly(OverflowPolicy policy) throws Exception {
        int perSender = 20_000;
        int sent = PRODUCERS * perSender;
        AtomicIntegerArray seen = new AtomicIntegerArray(sent);
        AtomicLong handled = new AtomicLong();
        try (Node node = Node.start("mailbox-process-" + policy)) {
            AutoCloseable subscription = node.deadLetters().subscribe(letter -> {
                if (letter.cause() == Cause.MAILBOX_FULL && letter.message() instanceof Integer id) {
                    seen.incrementAndGet(id);
                }
            });
            Pid pid = node.spawn(message -> {
                seen.incrementAndGet((Integer) message);
                handled.incrementAndGet();
            }, SpawnOptions.defaults().withMailbox(MailboxSpec.bounded(8, policy)));
            ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS);
            try {
                List<Future<?>> senders = new ArrayList<>();
                for (int p = 0; p < PRODUCERS; p++) {
                    int base = p * perSender;
                    senders.add(pool.submit(() -> {
                        for (int i = 0; i < perSender; i++) {
                            pid.send(base + i);
                        }
                    }));
                }
                for (Future<?> sender : senders) {
                    sender.get(1, TimeUnit.MINUTES);
                }
            }
            finally {
                pool.shutdownNow();
            }
            await().atMost(WAIT).untilAsserted(() -> assertThat(node.mailboxSize(pid)).isZero());
            await().atMost(WAIT).untilAsserted(() -> {
                long total = 0;
                for (int id = 0; id < sent; id++) {
                    total += seen.get(id);
                }
                assertThat(total).isEqualTo(sent);
            });
            subscription.close();
            for (int id = 0; id < sent; id++) {
                assertThat(seen.get(id)).as("times message %d was handled or dropped", id).isEqualTo(1);
            }
            assertThat(handled.get()).isPositive();
        }
    }
}
