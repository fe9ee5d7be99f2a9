package io.otpspring.cluster.jvm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.otpspring.cluster.Cluster;
import io.otpspring.cluster.FailureDetection;
import io.otpspring.cluster.LoopbackCluster;
import io.otpspring.cluster.NodeDown;
import io.otpspring.cluster.NodeUp;
import io.otpspring.cluster.Recorder;
import io.otpspring.core.genserver.CallTimeoutException;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.DeadLetter;
import io.otpspring.core.process.Down;
import io.otpspring.core.process.Exit;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.MonitorRef;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.otpspring.cluster.jvm.NodeJvmMain.COUNTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Nodes in JVMs of their own, killed with {@code SIGKILL} or frozen with {@code SIGSTOP} and
 * thawed with {@code SIGCONT}, as seen from two nodes of this JVM (alpha and beta, the majority,
 * so a thawed node merges back into their cluster): what their processes' monitors, links,
 * callers and senders learn, and when. Timings are only bounds (the failure detector's timeout
 * plus a margin for a loaded machine); the observed ones are printed.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class NodeJvmFailureTest {

    /** A heartbeat each second, down after 5 s without one, merges looked for every 5 s. */
    private static final FailureDetection FAST = new FailureDetection(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(5));
    /** How soon a frozen or killed node must be declared down: the heartbeat timeout and a margin. */
    private static final Duration DETECTED = FAST.maxNoHeartbeat().plusSeconds(10);
    /** How soon a thawed node must be back: Hazelcast took 13–14 s with these timings; a margin. */
    private static final Duration HEALED = Duration.ofSeconds(60);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final NodeJvms jvms = new NodeJvms();

    private static LoopbackCluster cluster;
    private static LoopbackCluster.Member alpha;
    private static LoopbackCluster.Member beta;

    @BeforeAll
    static void start() {
        cluster = new LoopbackCluster("jvms", FAST);
        alpha = cluster.start("alpha");
        beta = cluster.start("beta");
        await().atMost(WAIT).until(() -> alpha.cluster().isConnected("beta") && beta.cluster().isConnected("alpha"));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static NodeJvm startNode(String name) {
        return jvms.start(cluster, name).awaitConnectedTo(alpha.cluster(), beta.cluster());
    }

    private static Cluster[] observers() {
        return new Cluster[] { alpha.cluster(), beta.cluster() };
    }

    @Test
    void killedNodesMonitorsLinksCallsAndSendsEndInNoconnectionNotInSilence() throws Exception {
        NodeJvm gamma = startNode("gamma-killed");
        Pid counter = gamma.pid(alpha.node(), COUNTER);
        Pid counterFromBeta = gamma.pid(beta.node(), COUNTER);
        Recorder watcher = Recorder.start(alpha.node(), true);
        Recorder betaWatcher = Recorder.start(beta.node(), false);
        alpha.cluster().monitorNodes(watcher.pid());
        MonitorRef ref = watcher.call(self -> self.monitor(counter));
        MonitorRef betaRef = betaWatcher.call(self -> self.monitor(counterFromBeta));
        watcher.call(self -> {
            self.link(counter);
            return null;
        });
        // signals from one node to another keep their order: once these answer, the monitors and the link are set
        assertThat(GenServer.<String>call(counter, "ping", WAIT)).isEqualTo("pong");
        assertThat(GenServer.<String>call(counterFromBeta, "ping", WAIT)).isEqualTo("pong");

        CompletableFuture<Object> held = GenServer.callAsync(counter, "hold", Duration.ofMinutes(5));
        gamma.awaitLine("holding", WAIT);
        try (Sender sender = new Sender(alpha.node(), counter); Callers callers = new Callers(counter, 2)) {
            await().atMost(WAIT).until(() -> gamma.lines().contains("got 100") && callers.answered() > 0);

            long killedAt = System.nanoTime();
            gamma.kill9();
            NodeDown nodeDown = watcher.awaitMessage(NodeDown.class, DETECTED);
            int sentBeforeDownSeen = sender.sent();
            long downSeenAfter = elapsedMillis(killedAt);
            assertThat(nodeDown).isEqualTo(new NodeDown("gamma-killed"));

            // the call in flight, and the callers calling in a loop, fail with noconnection instead of timing out
            assertThat(held).failsWithin(DETECTED).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOf(ExitException.class)
                    .satisfies(error -> assertThat(((ExitException) error).reason()).isEqualTo(ExitReason.NOCONNECTION));
            assertThat(callers.outcomes(DETECTED)).as("how each caller's last call ended").hasSize(2)
                    .allSatisfy(outcome -> assertThat(outcome).isInstanceOf(ExitException.class)
                            .satisfies(error -> assertThat(((ExitException) error).reason()).isEqualTo(ExitReason.NOCONNECTION)));
            // monitors on both nodes, and the link
            Down down = watcher.awaitMessage(Down.class, DETECTED);
            assertThat(down).isEqualTo(new Down(ref, counter, ExitReason.NOCONNECTION));
            assertThat(betaWatcher.awaitMessage(Down.class, DETECTED)).isEqualTo(new Down(betaRef, counterFromBeta, ExitReason.NOCONNECTION));
            assertThat(watcher.awaitMessage(Exit.class, DETECTED)).isEqualTo(new Exit(counter, ExitReason.NOCONNECTION));

            // every number sent was received, or counted as a dead letter: what the node had not acknowledged when it died
            sender.sendMore(50);
            List<Long> received = gamma.lines().stream().filter(line -> line.startsWith("got ")).map(line -> Long.parseLong(line.substring(4))).toList();
            String fates = sender.fates(Set.copyOf(received));
            System.out.printf("gamma-killed: NodeDown seen %d ms after SIGKILL; %d numbers sent, %d received, %d dead letters, "
                    + "%d neither%n", downSeenAfter, fates.length(), count(fates, 'R'), count(fates, 'D'), count(fates, '?'));
            assertThat(received).as("received in the order sent, none missing in between").isEqualTo(
                    java.util.stream.LongStream.range(0, received.size()).boxed().toList());
            // a '?' is a number the node acknowledged (it reached its counter's mailbox) but the counter had not
            // handled when the JVM died: delivered, and lost with the node, as a message in the mailbox of a
            // process that dies is; the counter keeps up with one number a millisecond, so there are few
            assertThat(fates).as("R: received, D: dead letter, ?: in the dead node's mailbox").matches("R+\\?{0,20}D+");
            assertThat(fates.substring(sentBeforeDownSeen + 1)).as("sent once NodeDown had arrived").matches("D+");
        }
        // and from now on, at once
        assertThatThrownBy(() -> GenServer.call(counter, "ping", WAIT)).isInstanceOf(ExitException.class)
                .satisfies(error -> assertThat(((ExitException) error).reason()).isEqualTo(ExitReason.NOCONNECTION));
        MonitorRef late = watcher.call(self -> self.monitor(counter));
        await().atMost(WAIT).until(() -> watcher.received().contains(new Down(late, counter, ExitReason.NOCONNECTION)));
    }

    @Test
    void frozenNodeIsDownAfterTheHeartbeatTimeoutAndBackWithItsProcessesOnceThawed() {
        NodeJvm gamma = startNode("gamma-frozen");
        String name = gamma.nodeName();
        Pid counter = gamma.pid(alpha.node(), COUNTER);
        Recorder watcher = Recorder.start(alpha.node(), false);
        alpha.cluster().monitorNodes(watcher.pid());
        MonitorRef ref = watcher.call(self -> self.monitor(counter));
        for (long n = 0; n < 3; n++) {
            GenServer.cast(counter, n);
        }
        assertThat(GenServer.<Long>call(counter, "count", WAIT)).isEqualTo(3L);

        long stoppedAt = System.nanoTime();
        gamma.stop();
        await().atMost(DETECTED).until(() -> watcher.received().contains(new NodeDown(name)));
        long downAfter = elapsedMillis(stoppedAt);
        assertThat(watcher.awaitMessage(Down.class, WAIT)).isEqualTo(new Down(ref, counter, ExitReason.NOCONNECTION));
        await().atMost(WAIT).until(() -> !beta.cluster().isConnected(name));
        assertThat(alpha.cluster().isConnected(name)).isFalse();

        long thawedAt = System.nanoTime();
        gamma.cont();
        await().atMost(HEALED).until(() -> watcher.received().contains(new NodeUp(name)));
        long upAfter = elapsedMillis(thawedAt);
        System.out.printf("%s: NodeDown %d ms after SIGSTOP, NodeUp %d ms after SIGCONT%n", name, downAfter, upAfter);
        assertThat(watcher.received()).filteredOn(message -> message.equals(new NodeDown(name)) || message.equals(new NodeUp(name)))
                .containsExactly(new NodeDown(name), new NodeUp(name));
        await().atMost(WAIT).until(() -> beta.cluster().isConnected(name));

        // the same process, reachable again, kept its state
        assertThat(GenServer.<Long>call(counter, "count", WAIT)).isEqualTo(3L);
        assertThat(GenServer.<String>call(gamma.pid(beta.node(), COUNTER), "ping", WAIT)).isEqualTo("pong");
        // the other side saw this one go down and come back too
        await().atMost(WAIT).until(() -> gamma.lines().contains("nodeup alpha") && gamma.lines().contains("nodeup beta"));
        assertThat(gamma.lines()).containsSubsequence("nodedown alpha", "nodeup alpha").containsSubsequence("nodedown beta", "nodeup beta");
    }

    @Test
    void callToAFrozenNodeTimesOutAsALocalOneWouldOrFailsWithNoconnectionOnceTheNodeIsDown() throws Exception {
        NodeJvm gamma = startNode("gamma-hung");
        Pid counter = gamma.pid(alpha.node(), COUNTER);
        assertThat(GenServer.<String>call(counter, "ping", WAIT)).isEqualTo("pong");

        gamma.stop();
        long stoppedAt = System.nanoTime();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Object> longCall = CompletableFuture.supplyAsync(() -> GenServer.call(counter, "ping", Duration.ofMinutes(5)), callers);

            assertThatThrownBy(() -> GenServer.call(counter, "ping", Duration.ofMillis(500))).isInstanceOf(CallTimeoutException.class);
            assertThat(alpha.cluster().isConnected(gamma.nodeName())).as("not yet declared down").isTrue();

            assertThat(longCall).failsWithin(DETECTED).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOf(ExitException.class)
                    .satisfies(error -> assertThat(((ExitException) error).reason()).isEqualTo(ExitReason.NOCONNECTION));
            System.out.printf("%s: the long call failed with noconnection %d ms after SIGSTOP%n", gamma.nodeName(), elapsedMillis(stoppedAt));
        }
    }

    private static long elapsedMillis(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }

    private static long count(String fates, char fate) {
        return fates.chars().filter(c -> c == fate).count();
    }

    /**
     * Sends 0, 1, 2, ... to {@code to}, one each millisecond, from one thread (so they travel in
     * order), and keeps the ones that became dead letters.
     */
    static final class Sender implements AutoCloseable {

        private final Pid to;
        private final Set<Long> deadLetters = ConcurrentHashMap.newKeySet();
        private final AutoCloseable subscription;
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Sender(Node node, Pid to) {
            this.to = to;
            this.subscription = node.deadLetters().subscribe(letter -> {
                if (to.equals(letter.recipient()) && letter.cause() == DeadLetter.Cause.NO_CONNECTION && letter.message() instanceof Long n) {
                    deadLetters.add(n);
                }
            });
            this.thread = Thread.ofPlatform().name("sender").start(() -> {
                while (running.get()) {
                    sendOne();
                    sleepMillis(1);
                }
            });
        }

        private void sendOne() {
            to.send((long) sent.get());
            sent.incrementAndGet();
        }

        /** How many it sent so far. */
        int sent() {
            return sent.get();
        }

        /** Sends {@code more} after these, then stops. */
        void sendMore(int more) throws InterruptedException {
            int until = sent.get() + more;
            while (sent.get() < until) {
                Thread.sleep(1);
            }
            stop();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        /** What became of each number, in the order sent: R received, D dead letter, ? neither. */
        String fates(Set<Long> received) {
            StringBuilder fates = new StringBuilder();
            for (long n = 0; n < sent.get(); n++) {
                fates.append(received.contains(n) ? 'R' : deadLetters.contains(n) ? 'D' : '?');
            }
            return fates.toString();
        }

        @Override
        public void close() throws Exception {
            stop();
            subscription.close();
        }
    }

    /** Threads that call {@code server} in a loop, each until a call fails. */
    static final class Callers implements AutoCloseable {

        private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        private final List<CompletableFuture<Throwable>> lastOutcomes = new ArrayList<>();
        private final AtomicInteger answered = new AtomicInteger();

        Callers(Pid server, int callers) {
            for (int i = 0; i < callers; i++) {
                lastOutcomes.add(CompletableFuture.supplyAsync(() -> {
                    while (true) {
                        try {
                            GenServer.call(server, "ping", Duration.ofMinutes(5));
                            answered.incrementAndGet();
                        }
                        catch (RuntimeException failure) {
                            return failure;
                        }
                    }
                }, threads));
            }
        }

        int answered() {
            return answered.get();
        }

        /** How each caller's last call failed; fails when one still calls after {@code atMost}. */
        List<Throwable> outcomes(Duration atMost) throws Exception {
            List<Throwable> outcomes = new ArrayList<>();
            for (CompletableFuture<Throwable> outcome : lastOutcomes) {
                outcomes.add(outcome.get(atMost.toMillis(), TimeUnit.MILLISECONDS));
            }
            return outcomes;
        }

        @Override
        public void close() {
            threads.shutdownNow();
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
