package io.otpspring.core.process;

import io.otpspring.core.telemetry.MessageKind;

/**
 * What a process does: it is initialised once per incarnation, then handles its messages one at a
 * time on its own logical thread. {@link io.otpspring.core.genserver.GenServer} builds the
 * call/cast/info protocol on top of this.
 */
public interface Behavior {

    /**
     * Runs before the process handles any message; a thrown exception fails the start with that
     * reason. Keep {@code self} to act as the process later (link, monitor, stop, ...).
     */
    default void init(ProcessContext self) throws Exception {
    }

    /** Handles one message; a thrown exception crashes the process. */
    void handle(Object message) throws Exception;

    /**
     * Runs when the process stops (asked to, or on a crash), with the exit reason; not run when
     * the process is killed or dies from an untrapped exit signal.
     */
    default void terminate(ExitReason reason) throws Exception {
    }

    /** What kind of message {@code message} is, for telemetry: a plain process receives only info. */
    default MessageKind kindOf(Object message) {
        return MessageKind.INFO;
    }

    /** What {@code message} carries, for telemetry: the request inside a protocol's envelope. */
    default Object payloadOf(Object message) {
        return message;
    }
}
