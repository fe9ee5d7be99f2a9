package io.otpspring.spring.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.otpspring.core.genserver.CallTimeoutException;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.Node;
import io.otpspring.core.supervision.ChildInfo;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.spring.annotation.Cast;
import io.otpspring.spring.annotation.GenServer;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Many threads at once on one process bean: its state is touched by one message at a time, and
 * while it (or a process it depends on) is crashed and restarted over and over, every call ends in
 * a reply, an {@link ExitException} or a {@link CallTimeoutException}: none hangs.
 */
class RestartUnderLoadTest {

    private static final int CALLERS = 8;
    private static final int CALLS_PER_CALLER = 250;
    private static final int CRASHES = 20;
    /** Generous: only a hang takes this long. */
    private static final Duration HANG = Duration.ofSeconds(30);

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class))
            .withUserConfiguration(Beans.class)
            .withPropertyValues("otp.restart.intensity=1000", "otp.restart.period=1m", "otp.call-timeout=5s");

    private final ExecutorService threads = Executors.newFixedThreadPool(CALLERS + 1);

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @GenServer
    static class Counter {

        private int count;

        public int increment() {
            return ++count;
        }

        public CompletableFuture<Integer> incrementLater() {
            return CompletableFuture.completedFuture(++count);
        }

        @Cast
        public void add() {
            count++;
        }

        public int count() {
            return count;
        }

        public void crash() {
            throw new IllegalStateException("counter crashes on purpose");
        }
    }

    /** Depends on the counter, so it restarts whenever the counter does. */
    @GenServer
    static class Tally {

        private int count;

        Tally(Counter counter) {
        }

        public int increment() {
            return ++count;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        Counter counter() {
            return new Counter();
        }

        @Bean
        Tally tally(Counter counter) {
            return new Tally(counter);
        }
    }

    /** How the calls of a run ended, by outcome. */
    private record Outcomes(int replies, int exits, int timeouts, List<Throwable> others) {

        int total() {
            return replies + exits + timeouts + others.size();
        }
    }

    /** Runs {@code call} {@link #CALLS_PER_CALLER} times on each of {@link #CALLERS} threads while {@code crasher} runs. */
    private Outcomes race(Supplier<Object> call, Runnable crasher) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger replies = new AtomicInteger();
        AtomicInteger exits = new AtomicInteger();
        AtomicInteger timeouts = new AtomicInteger();
        List<Throwable> others = new CopyOnWriteArrayList<>();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            running.add(threads.submit(() -> {
                go.await();
                for (int n = 0; n < CALLS_PER_CALLER; n++) {
                    try {
                        call.get();
                        replies.incrementAndGet();
                    }
                    catch (ExitException exit) {
                        exits.incrementAndGet();
                    }
                    catch (CallTimeoutException timeout) {
                        timeouts.incrementAndGet();
                    }
                    catch (RuntimeException other) {
                        others.add(other);
                    }
                }
                return null;
            }));
        }
        running.add(threads.submit(() -> {
            go.await();
            crasher.run();
            return null;
        }));
        go.countDown();
        await().atMost(HANG).until(() -> running.stream().allMatch(Future::isDone));
        for (Future<?> done : running) {
            done.get();
        }
        return new Outcomes(replies.get(), exits.get(), timeouts.get(), others);
    }

    private static Object awaitAsync(CompletableFuture<?> future) {
        try {
            return future.get();
        }
        catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(failed.getCause());
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static Runnable crashing(Counter counter, int times) {
        return () -> {
            for (int i = 0; i < times; i++) {
                assertThatThrownBy(counter::crash).isInstanceOf(ExitException.class);
            }
        };
    }

    private static ChildInfo child(AssertableApplicationContext context, String id) {
        return Supervisor.whichChildren(context.getBean(Node.class).named(ProcessTree.ROOT)).stream()
                .filter(child -> child.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void concurrentCallsAndCastsTouchTheStateOneAtATime() {
        contexts.run(context -> {
            Counter counter = context.getBean(Counter.class);
            Set<Object> replies = ConcurrentHashMap.newKeySet();

            Outcomes outcomes = race(() -> {
                counter.add();
                Object reply = counter.increment();
                replies.add(reply);
                return reply;
            }, () -> { });

            assertThat(outcomes.replies()).isEqualTo(CALLERS * CALLS_PER_CALLER);
            assertThat(replies).as("no two calls saw the same count").hasSize(CALLERS * CALLS_PER_CALLER);
            assertThat(counter.count()).isEqualTo(2 * CALLERS * CALLS_PER_CALLER);
        });
    }

    @Test
    void callsRacingRestartsAllEndAndQueuedCallsReachTheNextIncarnation() {
        contexts.run(context -> {
            Counter counter = context.getBean(Counter.class);
            AtomicInteger turn = new AtomicInteger();

            Outcomes outcomes = race(() -> turn.incrementAndGet() % 2 == 0 ? counter.increment()
                    : awaitAsync(counter.incrementLater()), crashing(counter, CRASHES));

            assertThat(outcomes.others()).isEmpty();
            assertThat(outcomes.timeouts()).isZero();
            assertThat(outcomes.total()).isEqualTo(CALLERS * CALLS_PER_CALLER);
            // tally depends on counter, so a counter restart stops tally first: the calls queued for the
            // crashed counter then fail with its exit (as in Erlang) instead of waiting for the next one
            assertThat(outcomes.replies() + outcomes.exits()).isEqualTo(CALLERS * CALLS_PER_CALLER);
            assertThat(outcomes.replies()).isPositive();
            await().atMost(HANG).untilAsserted(() -> {
                ChildInfo info = child(context, "counter");
                // a crash call queued behind a crash fails with that crash's exit without crashing again
                assertThat(info.restarts()).as("at most one restart per crash").isBetween(1, CRASHES);
                assertThat(info.pid()).isNotNull();
            });
            assertThat(counter.increment()).isPositive();
        });
    }

    @Test
    void callsToADependentWhileItsDependencyCrashesAllEnd() {
        contexts.run(context -> {
            Counter counter = context.getBean(Counter.class);
            Tally tally = context.getBean(Tally.class);

            Outcomes outcomes = race(tally::increment, crashing(counter, CRASHES / 2));

            assertThat(outcomes.others()).isEmpty();
            assertThat(outcomes.timeouts()).isZero();
            assertThat(outcomes.total()).isEqualTo(CALLERS * CALLS_PER_CALLER);
            assertThat(outcomes.replies()).isPositive();
            await().atMost(HANG).untilAsserted(() -> {
                int counterRestarts = child(context, "counter").restarts();
                assertThat(counterRestarts).isBetween(1, CRASHES / 2);
                assertThat(child(context, "tally").restarts()).as("restarted with the counter").isEqualTo(counterRestarts);
                assertThat(child(context, "tally").pid()).isNotNull();
            });
        });
    }

    @Test
    void withMailboxesDroppedOnRestartEveryCallStillEnds() {
        contexts.withPropertyValues("otp.mailbox-on-restart=drop").run(context -> {
            Counter counter = context.getBean(Counter.class);
            Map<Class<?>, AtomicInteger> crashOutcomes = new ConcurrentHashMap<>();

            Outcomes outcomes = race(counter::increment, () -> {
                for (int i = 0; i < CRASHES; i++) {
                    try {
                        counter.crash();
                    }
                    catch (RuntimeException failure) {
                        crashOutcomes.computeIfAbsent(failure.getClass(), key -> new AtomicInteger()).incrementAndGet();
                    }
                }
            });

            assertThat(outcomes.others()).isEmpty();
            assertThat(outcomes.total()).isEqualTo(CALLERS * CALLS_PER_CALLER);
            assertThat(crashOutcomes.keySet()).containsOnly(ExitException.class);
            await().atMost(HANG).untilAsserted(() -> {
                ChildInfo info = child(context, "counter");
                assertThat(info.restarts()).isBetween(1, CRASHES);
                assertThat(info.pid()).isNotNull();
            });
            assertThat(counter.increment()).isPositive();
        });
    }
}
