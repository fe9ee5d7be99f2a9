package io.otpspring.core.task;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.otpspring.core.process.Exit;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.Probe;
import io.otpspring.core.process.StartException;
import io.otpspring.core.supervision.DynamicSupervisor;
import io.otpspring.core.supervision.DynamicSupervisorSpec;
import io.otpspring.core.supervision.StartResult;
import io.otpspring.core.process.SpawnOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.otpspring.core.process.Probe.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Supervised tasks: values, crashes with and without a link, timeouts, fire and forget, shutdown. */
class TaskSupervisorTest {

    private final Node node = Node.start("tasks");
    private final Pid tasks = TaskSupervisor.start(node);

    @AfterEach
    void closeNode() {
        node.close();
    }

    @Test
    void anUnlinkedTaskGivesItsValue() {
        Task<Integer> task = TaskSupervisor.asyncNolink(tasks, () -> 6 * 7);

        assertThat(task.await(WAIT)).isEqualTo(42);
        assertThat(task.awaitResult(WAIT)).contains(new TaskResult.Ok<>(42));
        await().atMost(WAIT).until(() -> !task.pid().isAlive());
        assertThat(node.exitReason(task.pid())).isEqualTo(ExitReason.NORMAL);
    }

    @Test
    void theCallerOfAnUnlinkedTaskSurvivesItsCrashAndGetsItAsAValue() {
        Probe caller = Probe.recording();
        Pid callerPid = caller.spawn(node);

        Task<Object> task = caller.ask(self -> TaskSupervisor.asyncNolink(tasks, () -> {
            throw new IllegalStateException("the task fails on purpose");
        }));

        TaskResult<Object> result = task.awaitResult(WAIT).orElseThrow();
        assertThat(result).isInstanceOfSatisfying(TaskResult.Exited.class, exited -> assertThat(exited.reason())
                .isInstanceOfSatisfying(ExitReason.Crash.class, crash -> assertThat(crash.cause())
                        .hasMessage("the task fails on purpose")));
        assertThatThrownBy(() -> task.await(WAIT)).isInstanceOf(ExitException.class)
                .hasRootCauseMessage("the task fails on purpose");
        assertThat(callerPid.isAlive()).isTrue();
        // the result is settled as the task dies, a moment before its supervisor hears of it
        await().atMost(WAIT).untilAsserted(() -> assertThat(DynamicSupervisor.countChildren(tasks).specs())
                .as("tasks are temporary").isZero());
    }

    @Test
    void aLinkedTaskCrashTakesItsCallerDown() {
        Probe caller = Probe.recording();
        Pid callerPid = caller.spawn(node);

        caller.act(self -> {
            try {
                TaskSupervisor.async(self, tasks, () -> {
                    throw new IllegalStateException("the task fails on purpose");
                });
            }
            catch (RuntimeException diedMeanwhile) {
                // the task may crash, and take its caller down, before the caller has its Task
            }
        });

        assertThat(node.awaitExit(callerPid, WAIT)).isInstanceOf(ExitReason.Crash.class);
    }

    @Test
    void aCallerTrappingExitsLearnsOfItsLinkedTaskCrashAsAMessage() {
        Probe caller = Probe.recording().onInit(self -> self.trapExits(true));
        Pid callerPid = caller.spawn(node);

        Task<Object> task = caller.ask(self -> TaskSupervisor.async(self, tasks, () -> {
            throw new IllegalStateException("the task fails on purpose");
        }));

        Exit exit = caller.awaitMessage(Exit.class);
        assertThat(exit.from()).isEqualTo(task.pid());
        assertThat(exit.reason()).isInstanceOf(ExitReason.Crash.class);
        assertThat(callerPid.isAlive()).isTrue();
        assertThatThrownBy(() -> task.await(WAIT)).isInstanceOf(ExitException.class);
    }

    @Test
    void aLinkedTaskDiesWithItsCaller() {
        Probe caller = Probe.crashable();
        caller.spawn(node);
        CountDownLatch never = new CountDownLatch(1);
        Task<Object> task = caller.ask(self -> TaskSupervisor.async(self, tasks, () -> {
            never.await();
            return "never";
        }));

        caller.pid().send("crash");

        TaskResult<Object> result = task.awaitResult(WAIT).orElseThrow();
        assertThat(result).isInstanceOfSatisfying(TaskResult.Exited.class,
                exited -> assertThat(exited.reason()).isInstanceOf(ExitReason.Crash.class));
        assertThat(task.pid().isAlive()).isFalse();
    }

    @Test
    void awaitingTooLongShutsTheTaskDown() {
        CountDownLatch never = new CountDownLatch(1);
        Task<Object> task = TaskSupervisor.asyncNolink(tasks, () -> {
            never.await();
            return "never";
        });

        assertThat(task.awaitResult(Duration.ofMillis(20))).as("still running: no result yet").isEmpty();
        assertThat(task.pid().isAlive()).isTrue();
        assertThatThrownBy(() -> task.await(Duration.ofMillis(20))).isInstanceOf(TaskTimeoutException.class)
                .hasMessageContaining("did not finish within");

        assertThat(task.pid().isAlive()).isFalse();
        assertThat(task.awaitResult(WAIT)).contains(new TaskResult.Exited<>(ExitReason.KILLED));
    }

    @Test
    void shutdownReturnsTheValueOfATaskThatAlreadyFinished() {
        Task<String> task = TaskSupervisor.asyncNolink(tasks, () -> "done");
        task.await(WAIT);

        assertThat(task.shutdown()).isEqualTo(new TaskResult.Ok<>("done"));
    }

    @Test
    void theFutureOfATaskCarriesItsValueOrItsExit() throws Exception {
        assertThat(TaskSupervisor.asyncNolink(tasks, () -> "value").toCompletableFuture().get(WAIT.toMillis(),
                TimeUnit.MILLISECONDS)).isEqualTo("value");

        Task<Object> failing = TaskSupervisor.asyncNolink(tasks, () -> {
            throw new IllegalStateException("the task fails on purpose");
        });
        assertThatThrownBy(() -> failing.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ExitException.class);
    }

    @Test
    void fireAndForgetTasksRunAndAreRefusedBeyondMaxChildren() {
        Pid limited = TaskSupervisor.start(node, DynamicSupervisorSpec.defaults().withMaxChildren(1), SpawnOptions.defaults());
        CountDownLatch ran = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        StartResult first = TaskSupervisor.startChild(limited, () -> {
            ran.countDown();
            awaitQuietly(release);
        });
        StartResult second = TaskSupervisor.startChild(limited, () -> { });

        assertThat(first).isInstanceOf(StartResult.Started.class);
        assertThat(second).isEqualTo(new StartResult.MaxChildrenReached(1));
        assertThatThrownBy(() -> TaskSupervisor.asyncNolink(limited, () -> 1)).isInstanceOf(StartException.class)
                .hasMessageContaining("maximum of 1 children");
        awaitQuietly(ran);
        release.countDown();
        await().atMost(WAIT).until(() -> DynamicSupervisor.countChildren(limited).specs() == 0);
        assertThat(TaskSupervisor.startChild(limited, () -> { })).isInstanceOf(StartResult.Started.class);
    }

    @Test
    void stoppingTheSupervisorStopsItsRunningTasks() {
        CountDownLatch never = new CountDownLatch(1);
        Task<Object> task = TaskSupervisor.asyncNolink(tasks, () -> {
            never.await();
            return "never";
        });

        assertThat(node.stop(tasks, ExitReason.SHUTDOWN, WAIT)).isTrue();

        assertThat(task.awaitResult(WAIT)).contains(new TaskResult.Exited<>(ExitReason.KILLED));
        assertThat(task.pid().isAlive()).isFalse();
    }

    @Test
    void manyCallersRaceTasksThroughOneSupervisor() throws InterruptedException {
        int callers = 16;
        int tasksEach = 50;
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger sum = new java.util.concurrent.atomic.AtomicInteger();
        for (int c = 0; c < callers; c++) {
            threads.add(Thread.startVirtualThread(() -> {
                for (int i = 0; i < tasksEach; i++) {
                    sum.addAndGet(TaskSupervisor.asyncNolink(tasks, () -> 1).await(WAIT));
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(sum).hasValue(callers * tasksEach);
        await().atMost(WAIT).until(() -> DynamicSupervisor.countChildren(tasks).specs() == 0);
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
