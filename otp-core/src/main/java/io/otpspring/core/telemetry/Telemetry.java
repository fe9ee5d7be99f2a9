package io.otpspring.core.telemetry;

import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * Receives a node's runtime events. Install one with
 * {@link io.otpspring.core.process.Node#useTelemetry(Telemetry)}. Methods run on the threads of the
 * processes concerned, so they must be quick and must not throw; every method has a do-nothing default.
 */
public interface Telemetry {

    /** Reports nothing: the default of every node. */
    Telemetry NONE = new Telemetry() {
    };

    /**
     * Runs on the sender's thread for every message sent to a process (but one a process sends
     * itself): returns what its handler should run within (a snapshot of the sender's trace
     * context, say), or {@code null} for nothing.
     */
    default @Nullable Object capture() {
        return null;
    }

    /**
     * Runs one message's handler: calls {@code handler} exactly once, on the calling thread, and
     * lets whatever it throws propagate (a throw is the process's crash). Time it, restore
     * {@link HandledMessage#context()} around it, observe its outcome.
     */
    default void handle(HandledMessage message, MessageHandler handler) throws Exception {
        handler.run();
    }

    /** A process's own code (its {@code init}, a handler or {@code terminate}) threw {@code cause}. */
    default void processCrashed(Pid pid, String label, Throwable cause) {
    }

    /**
     * A supervisor started a new incarnation of a child after an exit (failed attempts, retried,
     * are not reported). {@code childLabel} is the child's label: its id under a static
     * supervisor; under a dynamic supervisor, whose children are many and alike, the dynamic
     * supervisor's own label.
     */
    default void childRestarted(Pid supervisor, String supervisorLabel, String childLabel) {
    }

    /** The handler of one message, as given to {@link #handle}. */
    @FunctionalInterface
    interface MessageHandler {

        /** Handles the message. */
        void run() throws Exception;
    }
}
