package io.otpspring.core.process;

/**
 * A message whose sender is waiting for an answer (a call). The runtime fails it when the process
 * that received it exits before answering, or when it cannot be delivered, so no caller waits for
 * an answer that will never come.
 */
public interface Awaited {

    /** The answer will never come, because of {@code error}; the waiting sender receives it. */
    void fail(RuntimeException error);

    /** Whether the answer has been given (or the sender stopped waiting). */
    boolean isSettled();
}
