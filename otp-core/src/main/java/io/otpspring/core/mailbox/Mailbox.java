package io.otpspring.core.mailbox;

import org.jspecify.annotations.Nullable;

/**
 * A process's message queue: many senders, one consumer at a time (the process; once it is dead,
 * whoever routes what it left), FIFO per sender.
 */
public sealed interface Mailbox permits UnboundedMailbox, BoundedMailbox {

    /**
     * Enqueues {@code message} under the mailbox's bound.
     *
     * @param recipient names the owner in the exception a full {@code REJECT} mailbox throws
     * @return {@code null} when nothing was dropped, else the message the overflow policy dropped
     *         (the new one, or the oldest), for the caller to publish as a dead letter
     * @throws MailboxFullException when the mailbox is full and its policy is {@code REJECT}
     */
    @Nullable
    Object offer(Object message, Object recipient);

    /** Enqueues {@code message} regardless of the bound: for signals and forwarded messages. */
    void force(Object message);

    /** The oldest message, or {@code null} when empty. */
    @Nullable
    Object poll();

    /** Whether no message is queued. */
    boolean isEmpty();

    /** How many messages are queued (exact when bounded, a traversal count when unbounded). */
    int size();
}
