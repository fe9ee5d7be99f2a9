package io.otpspring.core.mailbox;

/** What a bounded mailbox does with a message that arrives when it is full. */
public enum OverflowPolicy {

    /** The sender gets a {@link MailboxFullException}; nothing is enqueued. */
    REJECT,

    /** The arriving message is dropped and published as a dead letter. */
    DROP_NEWEST,

    /** The oldest queued message is dropped (and published as a dead letter) to make room. */
    DROP_OLDEST
}
