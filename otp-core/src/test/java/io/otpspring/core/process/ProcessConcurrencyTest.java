package io.otpspring.core.process;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import io.otpspring.core.process.DeadLetter.Cause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.otpspring.core.process.Probe.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

class ProcessConcurrencyTest {

    private Node node;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        node = Node.start("concurrency-test");
        pool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        node.close();
    }

    /** Runs {@code count} tasks at once (released together) and waits for all of them. */
    private <T> List<T> runTogether(int count, java.util.function.IntFunction<Callable<T>> task) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Callable<T> body = task.apply(i);
            futures.add(pool.submit(() -> {
                go.await();
                return body.call();
            }));
        }
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(2, TimeUnit.MINUTES));
        }
        return results;
    }

    private record Numbered(int sender, int seq) {
    }

    @Test
    void manySendersToOneProcessEachMessageHandledOnceInPerSenderOrder() throws Exception {
        int senders = 8;
        int perSender = 20_000;
        int[] next = new int[senders];
        AtomicInteger inHandler = new AtomicInteger();
        AtomicLong handled = new AtomicLong();
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        Pid pid = node.spawn(message -> {
            if (inHandler.incrementAndGet() != 1) {
                violations.add("two handlers ran at once");
            }
            Numbered n = (Numbered) message;
            if (n.seq() != next[n.sender()]) {
                violations.add("sender " + n.sender() + ": got " + n.seq() + ", expected " + next[n.sender()]);
            }
            next[n.sender()] = n.seq() + 1;
            handled.incrementAndGet();
            inHandler.decrementAndGet();
        });

        runTogether(senders, s -> () -> {
            for (int i = 0; i < perSender; i++) {
                pid.send(new Numbered(s, i));
            }
            return null;
        });

        Probe.eventually().untilAsserted(() -> assertThat(handled.get()).isEqualTo((long) senders * perSender));
        assertThat(violations).isEmpty();
        for (int s = 0; s < senders; s++) {
            assertThat(next[s]).isEqualTo(perSender);
        }
        assertThat(node.mailboxSize(pid)).isZero();
    }

    @Test
    void aHundredThousandProcessesSpawnedAndMessagedFromSeveralThreads() throws Exception {
        int threads = 4;
        int perThread = 25_000;
        int total = threads * perThread;
        AtomicIntegerArray handledBy = new AtomicIntegerArray(total);
        Behavior counter = message -> handledBy.incrementAndGet((Integer) message);

        List<List<Pid>> spawned = runTogether(threads, t -> () -> {
            List<Pid> pids = new ArrayList<>(perThread);
            for (int i = 0; i < perThread; i++) {
                Pid pid = node.spawn(counter);
                pid.send(t * perThread + i);
                pids.add(pid);
            }
            return pids;
        });

        assertThat(node.processCount()).isEqualTo(total);
        assertThat(spawned.stream().flatMap(List::stream).distinct().count()).isEqualTo(total);
        Probe.eventually().untilAsserted(() -> {
            int done = 0;
            for (int i = 0; i < total; i++) {
                done += handledBy.get(i);
            }
            assertThat(done).isEqualTo(total);
        });
        for (int i = 0; i < total; i++) {
            assertThat(handledBy.get(i)).as("process %d handled its message once", i).isEqualTo(1);
        }
        node.close();
        assertThat(node.processCount()).isZero();
    }

    /**
     * Senders send while the process is killed mid-stream (by another thread, once it has handled
     * a twentieth of the messages): every message must be either handled or a dead letter, once.
     * Each sender holds back its last message until after the kill, so some surely arrive late.
     */
    @Test
    void aProcessKilledWhileManySendersSendLosesNothing() throws Exception {
        int senders = 4;
        int perSender = 50_000;
        int sent = senders * perSender;
        AtomicIntegerArray fate = new AtomicIntegerArray(sent);
        AtomicLong handled = new AtomicLong();
        AtomicLong deadLettered = new AtomicLong();
        CountDownLatch killNow = new CountDownLatch(1);
        CountDownLatch killed = new CountDownLatch(1);
        Pid pid = node.spawn(message -> {
            fate.incrementAndGet((Integer) message);
            if (handled.incrementAndGet() == sent / 20) {
                killNow.countDown();
            }
        });
        node.deadLetters().subscribe(letter -> {
            if (letter.cause() == Cause.RECIPIENT_DEAD && pid.equals(letter.recipient())
                    && letter.message() instanceof Integer id) {
                fate.incrementAndGet(id);
                deadLettered.incrementAndGet();
            }
        });
        Future<?> killer = pool.submit(() -> {
            awaitLatch(killNow);
            node.exit(pid, ExitReason.KILL);
            killed.countDown();
        });

        runTogether(senders, s -> () -> {
            int base = s * perSender;
            for (int i = 0; i < perSender - 1; i++) {
                pid.send(base + i);
            }
            awaitLatch(killed);
            pid.send(base + perSender - 1);
            return null;
        });
        killer.get(1, TimeUnit.MINUTES);

        assertThat(pid.isAlive()).isFalse();
        Probe.eventually().untilAsserted(
                () -> assertThat(handled.get() + deadLettered.get()).as("handled + dead letters = sent").isEqualTo(sent));
        for (int id = 0; id < sent; id++) {
            assertThat(fate.get(id)).as("message %d handled or dead-lettered exactly once", id).isEqualTo(1);
        }
        assertThat(deadLettered.get()).isGreaterThanOrEqualTo(senders);
    }

    /**
     * The same accounting over many short rounds, the kill racing the first sends: races between a
     * sender and the death of its recipient get many chances to show.
     */
    @Test
    void repeatedKillsRacingSendersLoseNothing() throws Exception {
        int rounds = 300;
        int senders = 3;
        int perSender = 300;
        int sent = senders * perSender;
        for (int round = 0; round < rounds; round++) {
            AtomicIntegerArray fate = new AtomicIntegerArray(sent);
            AtomicLong accounted = new AtomicLong();
            Pid pid = node.spawn(message -> {
                fate.incrementAndGet((Integer) message);
                accounted.incrementAndGet();
            });
            AutoCloseable subscription = node.deadLetters().subscribe(letter -> {
                if (pid.equals(letter.recipient()) && letter.message() instanceof Integer id) {
                    fate.incrementAndGet(id);
                    accounted.incrementAndGet();
                }
            });
            int killAfter = round % (perSender / 3);
            runTogether(senders + 1, s -> () -> {
                if (s == senders) {
                    for (int spin = 0; spin < killAfter * 20; spin++) {
                        Thread.onSpinWait();
                    }
                    node.exit(pid, ExitReason.KILL);
                    return null;
                }
                for (int i = 0; i < perSender; i++) {
                    pid.send(s * perSender + i);
                }
                return null;
            });
            int r = round;
            Probe.eventually().untilAsserted(
                    () -> assertThat(accounted.get()).as("round %d: handled + dead letters", r).isEqualTo(sent));
            subscription.close();
            for (int id = 0; id < sent; id++) {
                assertThat(fate.get(id)).as("round %d: message %d accounted once", round, id).isEqualTo(1);
            }
        }
    }

    @Test
    void concurrentSpawnsUnderOneNameHaveExactlyOneWinner() throws Exception {
        int contenders = 16;

        List<Object> outcomes = runTogether(contenders, i -> () -> {
            try {
                return Probe.recording().spawn(node, SpawnOptions.defaults().withName("highlander"));
            }
            catch (NameTakenException ex) {
                return ex;
            }
        });

        List<Pid> winners = outcomes.stream().filter(Pid.class::isInstance).map(Pid.class::cast).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes).filteredOn(NameTakenException.class::isInstance).hasSize(contenders - 1)
                .allSatisfy(ex -> assertThat(((NameTakenException) ex).holder()).isEqualTo(winners.get(0)));
        assertThat(node.processCount()).isEqualTo(1);
        assertThat(node.whereis("highlander")).isEqualTo(winners.get(0));
    }

    /** Monitors and links set while their target is being killed: each gets exactly one notice. */
    @Test
    void monitorsAndLinksRacingAKillGetExactlyOneNoticeEach() throws Exception {
        int rounds = 20;
        int watchers = 8;
        for (int round = 0; round < rounds; round++) {
            Pid target = Probe.recording().spawn(node);
            List<Probe> probes = new ArrayList<>();
            for (int w = 0; w < watchers; w++) {
                Probe probe = Probe.recording();
                probe.spawn(node, SpawnOptions.defaults().withTrapExits(true));
                probes.add(probe);
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> setting = new ArrayList<>();
            for (Probe probe : probes) {
                setting.add(pool.submit(() -> probe.act(self -> {
                    awaitLatch(go);
                    self.monitor(target);
                    self.link(target);
                })));
            }
            setting.add(pool.submit(() -> {
                awaitLatch(go);
                node.exit(target, ExitReason.KILL);
            }));
            go.countDown();
            for (Future<?> future : setting) {
                future.get(1, TimeUnit.MINUTES);
            }

            for (Probe probe : probes) {
                Down down = probe.awaitMessage(Down.class);
                Exit exit = probe.awaitMessage(Exit.class);
                probe.pid().send("marker");
                probe.awaitReceived("marker");
                assertThat(probe.received()).as("round %d", round).hasSize(3);
                assertThat(down.reason()).isIn(ExitReason.KILLED, ExitReason.NOPROC);
                assertThat(exit.reason()).isIn(ExitReason.KILLED, ExitReason.NOPROC);
                assertThat(exit.from()).isEqualTo(target);
            }
            for (Probe probe : probes) {
                node.exit(probe.pid(), ExitReason.KILL);
            }
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
