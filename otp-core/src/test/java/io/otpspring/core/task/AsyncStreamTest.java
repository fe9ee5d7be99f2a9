package io.otpspring.core.task;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.supervision.DynamicSupervisor;
import io.otpspring.core.task.StreamOptions.OnTimeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.otpspring.core.process.Probe.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@code asyncStream}: bounded concurrency, order, per-item timeouts, crashes as values, early close. */
class AsyncStreamTest {

    private static final Duration SHORT = Duration.ofMillis(200);

    private final Node node = Node.start("async-stream");
    private final Pid tasks = TaskSupervisor.start(node);

    @AfterEach
    void closeNode() {
        node.close();
    }

    @Test
    void orderedResultsComeInInputOrderWithNoMoreThanMaxConcurrencyRunning() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Integer> inputs = IntStream.range(0, 40).boxed().toList();

        List<Object> values;
        try (Stream<TaskResult<Integer>> results = TaskSupervisor.asyncStream(tasks, inputs, input -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(input % 3);   // uneven work, so that tasks finish out of order
            running.decrementAndGet();
            return input * 2;
        }, StreamOptions.defaults().withMaxConcurrency(4))) {
            values = results.map(result -> ((TaskResult.Ok<Integer>) result).value()).map(Object.class::cast).toList();
        }

        assertThat(values).containsExactlyElementsOf(inputs.stream().map(input -> input * 2).toList());
        assertThat(mostAtOnce.get()).isBetween(1, 4);
    }

    @Test
    void unorderedResultsComeAsTasksFinish() {
        CountDownLatch firstTaken = new CountDownLatch(1);

        try (Stream<TaskResult<String>> stream = TaskSupervisor.asyncStream(tasks, List.of("slow", "fast"), input -> {
            if (input.equals("slow")) {
                firstTaken.await();
            }
            return input;
        }, StreamOptions.defaults().withMaxConcurrency(2).withOrdered(false))) {
            Iterator<TaskResult<String>> results = stream.iterator();
            assertThat(results.next()).isEqualTo(new TaskResult.Ok<>("fast"));
            firstTaken.countDown();
            assertThat(results.next()).isEqualTo(new TaskResult.Ok<>("slow"));
            assertThat(results.hasNext()).isFalse();
        }
    }

    @Test
    void aCrashingItemIsAValueAndTheStreamGoesOn() {
        List<TaskResult<Integer>> results;
        try (Stream<TaskResult<Integer>> stream = TaskSupervisor.asyncStream(tasks, List.of(1, 0, 2), input -> 10 / input,
                StreamOptions.defaults())) {
            results = stream.toList();
        }

        assertThat(results).hasSize(3);
        assertThat(results.get(0)).isEqualTo(new TaskResult.Ok<>(10));
        assertThat(results.get(1)).isInstanceOfSatisfying(TaskResult.Exited.class, exited -> assertThat(exited.reason())
                .isInstanceOfSatisfying(ExitReason.Crash.class,
                        crash -> assertThat(crash.cause()).isInstanceOf(ArithmeticException.class)));
        assertThat(results.get(2)).isEqualTo(new TaskResult.Ok<>(5));
    }

    @Test
    void anItemPastItsTimeoutIsKilledAndReportedWhenAskedTo() {
        CountDownLatch never = new CountDownLatch(1);

        List<TaskResult<String>> results;
        try (Stream<TaskResult<String>> stream = TaskSupervisor.asyncStream(tasks, List.of("hangs", "quick"), input -> {
            if (input.equals("hangs")) {
                never.await();
            }
            return input;
        }, StreamOptions.defaults().withTimeout(SHORT, OnTimeout.KILL_TASK))) {
            results = stream.toList();
        }

        assertThat(results).containsExactly(new TaskResult.Exited<>(Task.TIMEOUT), new TaskResult.Ok<>("quick"));
        await().atMost(WAIT).until(() -> DynamicSupervisor.countChildren(tasks).specs() == 0);
    }

    @Test
    void anItemPastItsTimeoutFailsTheStreamAndStopsTheRestByDefault() {
        CountDownLatch never = new CountDownLatch(1);
        List<String> seen = new CopyOnWriteArrayList<>();

        try (Stream<TaskResult<String>> stream = TaskSupervisor.asyncStream(tasks, List.of("a", "b", "c", "d"), input -> {
            seen.add(input);
            never.await();
            return input;
        }, StreamOptions.defaults().withMaxConcurrency(2).withTimeout(SHORT, OnTimeout.EXIT))) {
            assertThatThrownBy(stream::toList).isInstanceOf(TaskTimeoutException.class);
        }

        await().atMost(WAIT).until(() -> DynamicSupervisor.countChildren(tasks).specs() == 0);
        assertThat(seen).as("inputs beyond the first two never started").containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void closingTheStreamEarlyKillsTheTasksStillRunning() {
        CountDownLatch never = new CountDownLatch(1);

        try (Stream<TaskResult<Integer>> stream = TaskSupervisor.asyncStream(tasks, List.of(1, 2, 3), input -> {
            if (input > 1) {
                never.await();
            }
            return input;
        }, StreamOptions.defaults().withMaxConcurrency(3))) {
            assertThat(stream.findFirst()).contains(new TaskResult.Ok<>(1));
            // the first task's reply can arrive before its supervisor has seen it exit
            await().atMost(WAIT).until(() -> DynamicSupervisor.countChildren(tasks).active() == 2);
        }

        await().atMost(WAIT).until(() -> DynamicSupervisor.countChildren(tasks).specs() == 0);
    }

    @Test
    void rejectsBadOptions() {
        assertThatThrownBy(() -> StreamOptions.defaults().withMaxConcurrency(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max concurrency");
        assertThatThrownBy(() -> StreamOptions.defaults().withTimeout(Duration.ZERO, OnTimeout.EXIT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
