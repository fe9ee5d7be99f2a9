package io.otpspring.core.task;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import io.otpspring.core.process.Behavior;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import org.jspecify.annotations.Nullable;

/**
 * The process that runs one task: it links to its caller if asked, runs the work on its own
 * thread once started, publishes the value and stops normally. However it ends otherwise (a
 * crash, a kill, its caller's or supervisor's exit) its exit settles the result.
 */
final class TaskProcess<T> implements Behavior {

    private static final Object RUN = new Object();

    private final Callable<? extends T> work;
    private final CompletableFuture<TaskResult<T>> result = new CompletableFuture<>();
    private final @Nullable Pid linkedCaller;
    private @Nullable ProcessContext self;

    TaskProcess(Callable<? extends T> work, @Nullable Pid linkedCaller) {
        this.work = work;
        this.linkedCaller = linkedCaller;
    }

    /** How the task ended, once it has. */
    CompletableFuture<TaskResult<T>> result() {
        return result;
    }

    /** Kills the task, unless it has ended already. */
    void kill() {
        ProcessContext context = self;
        if (context != null && !result.isDone()) {
            context.node().exit(context.self(), ExitReason.KILL);
        }
    }

    @Override
    public void init(ProcessContext self) {
        this.self = self;
        self.node().addExitListener(self.self(), (pid, reason) -> result.complete(new TaskResult.Exited<>(reason)));
        if (linkedCaller != null) {
            self.link(linkedCaller);
        }
        self.self().send(RUN);
    }

    @Override
    public void handle(Object message) throws Exception {
        if (message == RUN && self != null) {
            T value = work.call();
            if (self.self().isAlive()) {
                result.complete(new TaskResult.Ok<>(value));
            }
            self.stop(ExitReason.NORMAL);
        }
    }
}
