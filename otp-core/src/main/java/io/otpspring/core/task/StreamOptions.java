package io.otpspring.core.task;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link TaskSupervisor#asyncStream} runs its tasks, as the options of Elixir's
 * {@code Task.Supervisor.async_stream_nolink}.
 *
 * @param maxConcurrency how many tasks run at once (default: the available processors)
 * @param ordered whether results come in input order (the default) or as tasks finish
 * @param timeout how long each task may run, from its start (default 5 s)
 * @param onTimeout what a task running past its timeout does to the stream
 */
public record StreamOptions(int maxConcurrency, boolean ordered, Duration timeout, OnTimeout onTimeout) {

    /** What a task running past its timeout does to the stream. */
    public enum OnTimeout {
        /** The stream fails with {@link TaskTimeoutException}, shutting down every task still running. */
        EXIT,
        /** That task is killed and its item yields {@code Exited(Task.TIMEOUT)}; the stream goes on. */
        KILL_TASK
    }

    public StreamOptions {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("max concurrency must be at least 1, was " + maxConcurrency);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a task timeout must be positive, was " + timeout);
        }
        Objects.requireNonNull(onTimeout, "onTimeout");
    }

    /** One task per available processor, ordered, 5 s per task, failing the stream on a timeout. */
    public static StreamOptions defaults() {
        return new StreamOptions(Runtime.getRuntime().availableProcessors(), true, Duration.ofSeconds(5), OnTimeout.EXIT);
    }

    /** The same, running at most {@code maxConcurrency} tasks at once. */
    public StreamOptions withMaxConcurrency(int maxConcurrency) {
        return new StreamOptions(maxConcurrency, ordered, timeout, onTimeout);
    }

    /** The same, with results in input order or as tasks finish. */
    public StreamOptions withOrdered(boolean ordered) {
        return new StreamOptions(maxConcurrency, ordered, timeout, onTimeout);
    }

    /** The same, letting each task run for {@code timeout} and then acting as {@code onTimeout} says. */
    public StreamOptions withTimeout(Duration timeout, OnTimeout onTimeout) {
        return new StreamOptions(maxConcurrency, ordered, timeout, onTimeout);
    }
}
