package io.otpspring.core.supervision;

/** Where a supervised child stands, as its supervisor reports it. */
public enum ChildStatus {

    /** An incarnation is alive. */
    RUNNING,

    /** It exited and its supervisor will start it again: a restart failed and is being retried. */
    RESTARTING,

    /** It is not running and will not be restarted unless asked ({@link Supervisor#restartChild}). */
    TERMINATED
}
