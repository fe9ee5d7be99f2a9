package io.otpspring.core.process;

/** Thrown when a process could not start: its {@code init} threw, stopped, or it was killed meanwhile. */
public class StartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ExitReason reason;

    public StartException(String message, ExitReason reason) {
        super(message + ": " + reason, reason instanceof ExitReason.Crash crash ? crash.cause() : null);
        this.reason = reason;
    }

    /** Why the start failed. */
    public ExitReason reason() {
        return reason;
    }
}
