package io.otpspring.core.task;

import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.process.ProcessRef;
import io.otpspring.core.process.SpawnOptions;
import io.otpspring.core.process.StartException;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.DynamicSupervisor;
import io.otpspring.core.supervision.DynamicSupervisorSpec;
import io.otpspring.core.supervision.Restart;
import io.otpspring.core.supervision.Shutdown;
import io.otpspring.core.supervision.StartResult;
import org.jspecify.annotations.Nullable;

/**
 * Supervised one-off work, as Elixir's {@code Task.Supervisor}: a {@link DynamicSupervisor} whose
 * children are temporary task processes: never restarted, and killed when it stops.
 *
 * <pre>{@code
 * Pid tasks = TaskSupervisor.start(node);
 * Task<Quote> quote = TaskSupervisor.asyncNolink(tasks, () -> pricing.quote(order));
 * switch (quote.awaitResult(Duration.ofSeconds(2)).orElseGet(quote::shutdown)) {
 *     case TaskResult.Ok<Quote> ok -> show(ok.value());
 *     case TaskResult.Exited<Quote> exited -> showUnavailable(exited.reason());
 * }
 * }</pre>
 */
public final class TaskSupervisor {

    private TaskSupervisor() {
    }

    /** Starts a task supervisor with no limit on tasks. */
    public static Pid start(Node node) {
        return start(node, DynamicSupervisorSpec.defaults(), SpawnOptions.defaults());
    }

    /** Starts a task supervisor with a restart intensity and max children, and spawn options (a name, a supervisor). */
    public static Pid start(Node node, DynamicSupervisorSpec spec, SpawnOptions options) {
        return DynamicSupervisor.start(node, spec, options);
    }

    /**
     * Runs {@code work} as a task linked to the calling process, as {@code Task.Supervisor.async}:
     * if the task crashes the caller gets the exit signal (and dies unless it traps exits), and if
     * the caller dies the task dies. Call it from a process; from any other thread use
     * {@link #asyncNolink}.
     *
     * @throws StartException when the supervisor refuses the task (max children) or it cannot start
     */
    public static <T> Task<T> async(ProcessContext caller, ProcessRef supervisor, Callable<? extends T> work) {
        return start(supervisor, work, Objects.requireNonNull(caller, "caller").self());
    }

    /**
     * Runs {@code work} as a task not linked to the caller, as {@code Task.Supervisor.async_nolink}:
     * the caller survives the task's crash and gets it as a value from {@link Task#awaitResult}, or as an
     * exception from {@link Task#await}.
     *
     * @throws StartException when the supervisor refuses the task (max children) or it cannot start
     */
    public static <T> Task<T> asyncNolink(ProcessRef supervisor, Callable<? extends T> work) {
        return start(supervisor, work, null);
    }

    /**
     * Runs {@code work} as a fire-and-forget task, as {@code Task.Supervisor.start_child}; a refused
     * or failed start is returned as a value.
     */
    public static StartResult startChild(ProcessRef supervisor, Runnable work) {
        Objects.requireNonNull(work, "work");
        return DynamicSupervisor.startChild(supervisor, taskSpec(new TaskProcess<>(() -> {
            work.run();
            return null;
        }, null)));
    }

    /**
     * Runs {@code work} over {@code inputs}, one task per input, as
     * {@code Task.Supervisor.async_stream_nolink}: lazily, at most {@code maxConcurrency} at once,
     * each within its timeout, yielding each item's {@link TaskResult} (a crash is a value, not the
     * end of the stream). Close the stream (try-with-resources) to kill the tasks still running if
     * you stop consuming early.
     */
    public static <I, O> Stream<TaskResult<O>> asyncStream(ProcessRef supervisor, Iterable<? extends I> inputs,
            TaskFunction<? super I, ? extends O> work, StreamOptions options) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(options, "options");
        AsyncStream<O> engine = new AsyncStream<>(inputs.iterator(),
                input -> start(supervisor, () -> work.apply(cast(input)), null), options);
        int characteristics = Spliterator.NONNULL | (options.ordered() ? Spliterator.ORDERED : 0);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(engine, characteristics), false)
                .onClose(engine::close);
    }

    @SuppressWarnings("unchecked")
    private static <I> I cast(Object input) {
        return (I) input;
    }

    private static <T> Task<T> start(ProcessRef supervisor, Callable<? extends T> work, @Nullable Pid linkedCaller) {
        TaskProcess<T> process = new TaskProcess<>(Objects.requireNonNull(work, "work"), linkedCaller);
        Pid pid = DynamicSupervisor.startChild(supervisor, taskSpec(process)).orElseThrow();
        return new Task<>(process, pid);
    }

    /**
     * A temporary child that runs {@code process}, the one incarnation a task ever has. A stopping
     * supervisor kills it at once: a task is one long handler that would never see a graceful stop
     * request (Elixir's tasks, not trapping exits, die at once of the supervisor's shutdown signal).
     */
    private static ChildSpec taskSpec(TaskProcess<?> process) {
        return ChildSpec.of("task", (node, options) -> node.spawn(process, options)).withRestart(Restart.TEMPORARY)
                .withShutdown(Shutdown.brutalKill());
    }
}
