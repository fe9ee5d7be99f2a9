package io.otpspring.core.mailbox;

import java.util.Objects;

/**
 * How a process's mailbox is shaped: unbounded (the default), or bounded with an overflow policy.
 *
 * @param capacity the most messages the mailbox holds; {@link Integer#MAX_VALUE} means unbounded
 * @param overflow what happens to a message that arrives when the mailbox is full
 */
public record MailboxSpec(int capacity, OverflowPolicy overflow) {

    private static final MailboxSpec UNBOUNDED = new MailboxSpec(Integer.MAX_VALUE, OverflowPolicy.REJECT);

    public MailboxSpec {
        if (capacity < 1) {
            throw new IllegalArgumentException("mailbox capacity must be at least 1, was " + capacity);
        }
        Objects.requireNonNull(overflow, "overflow");
    }

    /** An unbounded mailbox. */
    public static MailboxSpec unbounded() {
        return UNBOUNDED;
    }

    /** A mailbox holding at most {@code capacity} messages, applying {@code overflow} beyond it. */
    public static MailboxSpec bounded(int capacity, OverflowPolicy overflow) {
        return new MailboxSpec(capacity, overflow);
    }

    /** Whether the mailbox has a bound. */
    public boolean isBounded() {
        return capacity != Integer.MAX_VALUE;
    }

    /** A new, empty mailbox of this shape. */
    public Mailbox create() {
        return isBounded() ? new BoundedMailbox(capacity, overflow) : new UnboundedMailbox();
    }
}
