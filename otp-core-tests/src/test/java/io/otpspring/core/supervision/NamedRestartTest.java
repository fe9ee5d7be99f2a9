package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.DeadLetter;
import io.otpspring.core.process.DeadLetter.Cause;
import io.otpspring.core.process.MailboxOnRestart;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.process.RegisteredName;
import io.otpspring.test.OtpTestKit;
import io.otpspring.test.junit.OtpTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.otpspring.test.OtpAssertions.assertThat;
import static io.otpspring.test.OtpAssertions.assertThatSupervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A named child keeps its messages across restarts: what is queued (or sent by name while it is
 * restarting) reaches the next incarnation in order, or becomes a counted dead letter; none is lost.
 */
@OtpTest
class NamedRestartTest {

    private static final String NAME = "worker";

    /** Message {@code n} of sender {@code sender}. */
    record Seq(int sender, int n) {
    }

    private final Events events = new Events();
    private final Queue<DeadLetter> deadLetters = new ConcurrentLinkedQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private OtpTestKit kit;
    private Node node;
    private RegisteredName worker;

    @BeforeEach
    void recordDeadLetters(OtpTestKit kit) {
        this.kit = kit;
        node = kit.node();
        node.deadLetters().subscribe(deadLetters::add);
        worker = node.named(NAME);
    }

    @AfterEach
    void releaseTheBlockedWorker() {
        release.countDown();
    }

    private Pid startSupervised(MailboxOnRestart onRestart) {
        return kit.startSupervisor(SupervisorSpec.oneForOne(
                        RecordingServer.child("w", events).withName(NAME).withMailboxOnRestart(onRestart))
                .withIntensity(1_000, Duration.ofSeconds(5)));
    }

    @Test
    void messagesQueuedAtACrashReachTheNextIncarnationInOrder() {
        startSupervised(MailboxOnRestart.KEEP);
        Pid first = worker.resolve();
        queueBehindACrash(10);

        release.countDown();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(events.received()).extracting(Events.Received::message)
                        .containsExactlyElementsOf(IntStream.rangeClosed(1, 10).boxed().toList()));
        assertThat(events.received()).extracting(Events.Received::incarnation)
                .allSatisfy(incarnation -> assertThat(incarnation).isNotEqualTo(first).isEqualTo(worker.resolve()));
        // only the message being handled at the crash is lost, and it is counted
        assertThat(deadLetters).extracting(DeadLetter::cause).containsExactly(Cause.CRASHED_WHILE_HANDLING);
        assertThat(node.deadLetters().count()).isEqualTo(1);
    }

    @Test
    void withDropTheQueuedMessagesBecomeDeadLetters() {
        startSupervised(MailboxOnRestart.DROP);
        Pid first = worker.resolve();
        queueBehindACrash(10);

        release.countDown();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(worker.resolve()).isNotEqualTo(first);
            assertThat(worker.resolve().isAlive()).isTrue();
            assertThat(node.deadLetters().count()).isEqualTo(11);
        });
        assertThat(deadLetters).extracting(DeadLetter::cause)
                .containsOnly(Cause.CRASHED_WHILE_HANDLING, Cause.DROPPED_ON_RESTART)
                .filteredOn(cause -> cause == Cause.DROPPED_ON_RESTART).hasSize(10);

        GenServer.cast(worker, 11);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(events.received()).extracting(Events.Received::message).containsExactly(11));
        assertThat(events.received().getFirst().incarnation()).isEqualTo(worker.resolve());
    }

    /** Blocks the worker, queues a crash and then casts 1..count behind it, all by name. */
    private void queueBehindACrash(int count) {
        GenServer.cast(worker, new RecordingServer.Block(release));
        await().atMost(Duration.ofSeconds(10)).until(() -> events.lifecycle().contains("blocked:w"));
        GenServer.cast(worker, new RecordingServer.Crash());
        for (int i = 1; i <= count; i++) {
            GenServer.cast(worker, i);
        }
    }

    /**
     * Four threads cast numbered messages by name while the worker crashes on (or is killed from
     * another thread right after) every 2,500th message, over and over. Every message is received
     * by exactly one incarnation or counted as a dead letter, and each sender's messages arrive in
     * order within each incarnation and across them.
     */
    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"KEEP, CRASH", "DROP, CRASH", "KEEP, KILL", "DROP, KILL"})
    void concurrentSendersByNameLoseNothingAndKeepTheirOrder(MailboxOnRestart onRestart, Events.Fault fault)
            throws Exception {
        int senders = 4;
        int perSender = 50_000;
        int total = senders * perSender;
        startSupervised(onRestart);
        events.faultEvery(fault, 2_500, 40);

        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> sending = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            for (int s = 0; s < senders; s++) {
                int sender = s;
                sending.add(pool.submit(() -> {
                    go.await();
                    for (int n = 0; n < perSender; n++) {
                        if (n % 1_000 == 0) {
                            // keep the worker busy but not far behind, so that faults strike while senders send
                            awaitProcessed(senders * (n - 2_000));
                        }
                        GenServer.cast(worker, new Seq(sender, n));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : sending) {
                future.get();
            }
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(events.receivedCount() + node.deadLetters().count()).isEqualTo(total));
        List<Events.Received> received = events.received();
        List<Object> crashedOn = events.crashedOn();
        long dropped = count(Cause.DROPPED_ON_RESTART);

        // every dead letter is a message handled at a crash or dropped on restart, nothing else
        assertThat(count(Cause.CRASHED_WHILE_HANDLING)).isEqualTo(crashedOn.size());
        assertThat(count(Cause.CRASHED_WHILE_HANDLING) + dropped).isEqualTo(node.deadLetters().count());
        if (onRestart == MailboxOnRestart.KEEP) {
            assertThat(dropped).isZero();
        }
        // each message reached one incarnation at most once; the others are exactly the dropped ones
        List<Object> handled = new ArrayList<>(crashedOn);
        received.forEach(r -> handled.add(r.message()));
        assertThat(handled).doesNotHaveDuplicates().hasSize(total - (int) dropped);
        assertThat(received.stream().map(Events.Received::incarnation).distinct()).as("incarnations").hasSizeGreaterThan(1);

        Map<Pid, List<Seq>> byIncarnation = new TreeMap<>(Comparator.comparingLong(Pid::id));
        received.forEach(r -> byIncarnation.computeIfAbsent(r.incarnation(), key -> new ArrayList<>()).add((Seq) r.message()));
        byIncarnation.forEach((incarnation, messages) -> assertIncreasingPerSender("incarnation " + incarnation, messages));
        assertIncreasingPerSender("across incarnations", byIncarnation.values().stream().flatMap(List::stream).toList());
    }

    private void awaitProcessed(int count) {
        await().pollInSameThread().pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(30))
                .until(() -> events.receivedCount() + node.deadLetters().count() >= count);
    }

    private long count(Cause cause) {
        return deadLetters.stream().filter(letter -> letter.cause() == cause).count();
    }

    private static void assertIncreasingPerSender(String where, List<Seq> messages) {
        Map<Integer, Integer> last = new HashMap<>();
        for (Seq seq : messages) {
            Integer previous = last.put(seq.sender(), seq.n());
            if (previous != null) {
                assertThat(seq.n()).as("%s: sender %d sent %d after %d", where, seq.sender(), seq.n(), previous)
                        .isGreaterThan(previous);
            }
        }
    }

    /** Registers its own name in {@code init}, as Erlang's {@code register(Name, self())}; crashes on any cast. */
    static final class SelfRegistering implements GenServer {

        @Override
        public void init(ProcessContext self) {
            self.node().register(NAME, self.self());
        }

        @Override
        public void handleCast(Object message) {
            throw new IllegalStateException("crash");
        }
    }

    @Test
    void aServerThatRegistersItsNameInInitIsRestartedUnderThatName() {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(ChildSpec.worker("w", SelfRegistering::new)));
        Pid first = node.whereis(NAME);

        GenServer.cast(worker, "crash");

        kit.faults().awaitRestart(worker, first);
        assertThat(sup).isAlive();
    }

    @Test
    void aNameGivenWithRegisterLeavesTheDeadIncarnationOnRestart() {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(ChildSpec.worker("w", Crashing::new)));
        Pid first = assertThatSupervisor(sup).child("w").pid();
        node.register(NAME, first);

        GenServer.cast(first, "crash");

        Pid restarted = assertThatSupervisor(sup).eventually().child("w").hasRestarted(1).isRunning().pid();
        assertThat(restarted).isNotEqualTo(first);
        assertThat(worker.resolve()).as("the name no longer points at the dead incarnation").isNull();
    }

    /** Crashes on any cast. */
    static final class Crashing implements GenServer {

        @Override
        public void handleCast(Object message) {
            throw new IllegalStateException("crash");
        }
    }
}
