package io.otpspring.core.task;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The lazy engine of {@link TaskSupervisor#asyncStream}: keeps up to {@code maxConcurrency} tasks
 * running, starting the next input's task as each result is taken, and hands results out in input
 * order or as tasks finish. Every task gets the same timeout from its start, so the oldest task
 * running always has the nearest deadline. Single-threaded, as a stream's iterator is.
 */
final class AsyncStream<O> implements Iterator<TaskResult<O>>, AutoCloseable {

    /** A running task and when it must have finished. */
    private record Running<O>(Task<O> task, long deadline) {
    }

    private final Iterator<? extends Task<O>> starts;
    private final StreamOptions options;
    private final ArrayDeque<Running<O>> running = new ArrayDeque<>();
    private final BlockingQueue<Task<O>> finished = new LinkedBlockingQueue<>();

    AsyncStream(Iterator<?> inputs, Function<Object, Task<O>> start, StreamOptions options) {
        this.starts = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return inputs.hasNext();
            }

            @Override
            public Task<O> next() {
                return start.apply(inputs.next());
            }
        };
        this.options = options;
    }

    @Override
    public boolean hasNext() {
        fill();
        return !running.isEmpty();
    }

    @Override
    public TaskResult<O> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more inputs");
        }
        try {
            return options.ordered() ? nextInOrder() : nextToFinish();
        }
        catch (InterruptedException interrupted) {
            close();
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while awaiting stream tasks");
        }
    }

    private TaskResult<O> nextInOrder() throws InterruptedException {
        Running<O> oldest = running.peekFirst();
        TaskResult<O> result = oldest.task().awaitResult(untilDeadline(oldest)).orElse(null);
        running.removeFirst();
        return result != null ? result : timedOut(oldest);
    }

    private TaskResult<O> nextToFinish() throws InterruptedException {
        while (true) {
            Running<O> oldest = running.peekFirst();
            Duration wait = untilDeadline(oldest);
            Task<O> done = finished.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
            if (done == null) {
                running.removeFirst();
                return timedOut(oldest);
            }
            if (running.removeIf(candidate -> candidate.task() == done)) {
                return done.result().join();
            }
        }
    }

    private TaskResult<O> timedOut(Running<O> late) {
        TaskResult<O> outcome = late.task().shutdown();
        if (outcome instanceof TaskResult.Ok<O>) {
            return outcome;
        }
        if (options.onTimeout() == StreamOptions.OnTimeout.EXIT) {
            close();
            throw new TaskTimeoutException(late.task().pid(), options.timeout());
        }
        return new TaskResult.Exited<>(Task.TIMEOUT);
    }

    private void fill() {
        while (running.size() < options.maxConcurrency() && starts.hasNext()) {
            Task<O> task = starts.next();
            running.addLast(new Running<>(task, System.nanoTime() + options.timeout().toNanos()));
            if (!options.ordered()) {
                task.result().whenComplete((result, ignored) -> finished.add(task));
            }
        }
    }

    private static Duration untilDeadline(Running<?> running) {
        return Duration.ofNanos(Math.max(0, running.deadline() - System.nanoTime()));
    }

    /** Kills the tasks still running: for a consumer that leaves the stream early. */
    @Override
    public void close() {
        Running<O> next;
        while ((next = running.pollFirst()) != null) {
            next.task().shutdown();
        }
    }
}
