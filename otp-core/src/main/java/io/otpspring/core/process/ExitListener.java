package io.otpspring.core.process;

/**
 * Told when a process exits, before its links and monitors fire: for runtime services that keep
 * data about processes (a registry dropping their keys, metrics noting a crash). Runs on the thread
 * that makes the process dead; it must be quick, must not block and must not throw (a throw is
 * logged and ignored). Attach one with {@link Node#addExitListener(Pid, ExitListener)}.
 */
@FunctionalInterface
public interface ExitListener {

    /** {@code pid} has exited with {@code reason}. */
    void exited(Pid pid, ExitReason reason);
}
