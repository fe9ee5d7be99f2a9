package io.otpspring.core.process;

import org.jspecify.annotations.Nullable;

/**
 * Thrown to a caller when the process it called exited before replying, or was not alive: the
 * reason says why ({@code noproc} when it was not alive).
 */
public class ExitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient @Nullable Pid pid;
    private final transient ExitReason reason;

    public ExitException(@Nullable Pid pid, ExitReason reason) {
        super(describe(pid, reason), reason instanceof ExitReason.Crash crash ? crash.cause() : null);
        this.pid = pid;
        this.reason = reason;
    }

    private static String describe(@Nullable Pid pid, ExitReason reason) {
        String who = pid == null ? "the process" : "process " + pid;
        return reason instanceof ExitReason.NoProc ? who + " is not alive (noproc)" : who + " exited: " + reason;
    }

    /** The process that exited, when known. */
    public @Nullable Pid pid() {
        return pid;
    }

    /** Why it exited. */
    public ExitReason reason() {
        return reason;
    }
}
