package io.otpspring.core.task;

import java.time.Duration;

import io.otpspring.core.process.Pid;

/** Thrown when a task did not finish within the time it was awaited; the task has been shut down. */
public class TaskTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Pid task;
    private final Duration timeout;

    public TaskTimeoutException(Pid task, Duration timeout) {
        super("task " + task + " did not finish within " + timeout);
        this.task = task;
        this.timeout = timeout;
    }

    /** The task that timed out. */
    public Pid task() {
        return task;
    }

    /** How long it was awaited. */
    public Duration timeout() {
        return timeout;
    }
}
