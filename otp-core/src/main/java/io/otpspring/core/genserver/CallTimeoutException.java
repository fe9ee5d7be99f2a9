package io.otpspring.core.genserver;

import java.time.Duration;

import io.otpspring.core.process.Pid;

/** Thrown to a caller whose call got no reply within its timeout; a later reply is discarded. */
public class CallTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Pid server;
    private final Duration timeout;

    public CallTimeoutException(Pid server, Duration timeout) {
        super("call to " + server + " got no reply within " + timeout);
        this.server = server;
        this.timeout = timeout;
    }

    /** The process that was called. */
    public Pid server() {
        return server;
    }

    /** How long the caller waited. */
    public Duration timeout() {
        return timeout;
    }
}
