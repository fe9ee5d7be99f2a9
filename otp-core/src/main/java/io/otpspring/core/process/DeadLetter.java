package io.otpspring.core.process;

import org.jspecify.annotations.Nullable;

/**
 * A message that reached no handler, published so nothing is lost silently.
 *
 * @param recipient the process it was addressed to, when known
 * @param message the message itself
 * @param cause why it was not handled
 */
public record DeadLetter(@Nullable Pid recipient, Object message, Cause cause) {

    public DeadLetter {
        message = Traced.unwrap(message);
    }

    /** Why a message became a dead letter. */
    public enum Cause {
        /** The recipient had exited and nothing succeeded it. */
        RECIPIENT_DEAD,
        /** A bounded mailbox dropped it. */
        MAILBOX_FULL,
        /** It was queued for an incarnation that crashed, and its restart drops queued messages. */
        DROPPED_ON_RESTART,
        /** The process crashed while handling it; it is not retried. */
        CRASHED_WHILE_HANDLING,
        /** A reply that arrived after its caller had stopped waiting (timeout or exit). */
        LATE_REPLY,
        /** Sent or replied by the leftover thread of a process that had been killed. */
        FROM_KILLED_PROCESS,
        /** Sent to a name that nothing is registered under. */
        NO_SUCH_NAME,
        /** Sent to a process on a node that is not connected. */
        NO_CONNECTION,
        /** Sent to a process on another node, but it could not be serialized for the trip. */
        NOT_SERIALIZABLE,
        /** Received, but still postponed or queued inside the process (a state machine) when it exited. */
        UNHANDLED_AT_EXIT
    }
}
