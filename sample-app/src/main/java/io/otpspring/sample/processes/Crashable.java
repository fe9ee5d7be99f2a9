package io.otpspring.sample.processes;

/**
 * A process bean the demo can crash over HTTP ({@code POST /api/crash/{process}}), to watch
 * "let it crash" at work.
 */
public interface Crashable {

    /**
     * Throws an exception the method does not declare, which crashes the process: the caller gets
     * an {@link io.otpspring.core.process.ExitException}, the supervisor starts a fresh incarnation
     * (and restarts the processes that depend on this one).
     */
    void crash();
}
