package io.otpspring.core.task;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * A task started by {@link TaskSupervisor}: await its value (an exit becomes an exception), or
 * take its {@link TaskResult} as a value, or shut it down.
 *
 * @param <T> the type of its value
 */
public final class Task<T> {

    /** The exit reason a stream reports for an item whose task ran past its timeout and was killed. */
    public static final ExitReason TIMEOUT = ExitReason.other("timeout");

    private final TaskProcess<T> process;
    private final Pid pid;
    private final CompletableFuture<TaskResult<T>> result;

    Task(TaskProcess<T> process, Pid pid) {
        this.process = process;
        this.pid = pid;
        this.result = process.result();
    }

    /** The task's process. */
    public Pid pid() {
        return pid;
    }

    /** {@link #await(Duration)} with a 5 second timeout, as Elixir's {@code Task.await}. */
    public @Nullable T await() {
        return await(Duration.ofSeconds(5));
    }

    /**
     * Waits up to {@code timeout} for the task's value.
     *
     * @throws ExitException when the task exited without a value (a crash carries its cause)
     * @throws TaskTimeoutException when it did not finish in time; it is then shut down
     */
    public @Nullable T await(Duration timeout) {
        TaskResult<T> outcome = awaitResult(timeout).orElse(null);
        if (outcome == null) {
            shutdown();
            throw new TaskTimeoutException(pid, timeout);
        }
        return switch (outcome) {
            case TaskResult.Ok<T> ok -> ok.value();
            case TaskResult.Exited<T> exited -> throw new ExitException(pid, exited.reason());
        };
    }

    /**
     * Waits up to {@code timeout} for the task to end, as Elixir's {@code Task.yield}: its result as
     * a value, or empty if it is still running (it keeps running).
     *
     * @throws CancellationException when the waiting thread is interrupted (its interrupt flag is kept)
     */
    public Optional<TaskResult<T>> awaitResult(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        try {
            return Optional.of(result.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        }
        catch (TimeoutException stillRunning) {
            return Optional.empty();
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while awaiting task " + pid);
        }
        catch (ExecutionException impossible) {
            throw new IllegalStateException("a task result never completes exceptionally", impossible);
        }
    }

    /**
     * Kills the task unless it has ended already, as Elixir's {@code Task.shutdown(task, :brutal_kill)}.
     *
     * @return how it ended: its value if it finished first, otherwise the exit
     */
    public TaskResult<T> shutdown() {
        process.kill();
        return result.join();
    }

    /** Whether the task has ended. */
    public boolean isDone() {
        return result.isDone();
    }

    /** The value as a future, completed exceptionally with an {@link ExitException} if the task exits without one. */
    public CompletableFuture<T> toCompletableFuture() {
        return result.thenApply(outcome -> switch (outcome) {
            case TaskResult.Ok<T> ok -> ok.value();
            case TaskResult.Exited<T> exited -> throw new ExitException(pid, exited.reason());
        });
    }

    CompletableFuture<TaskResult<T>> result() {
        return result;
    }

    @Override
    public String toString() {
        return "task " + pid;
    }
}
