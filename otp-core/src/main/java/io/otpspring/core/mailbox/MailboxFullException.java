package io.otpspring.core.mailbox;

/** Thrown to a sender whose message a full {@link OverflowPolicy#REJECT} mailbox refused. */
public class MailboxFullException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int capacity;

    public MailboxFullException(String recipient, int capacity) {
        super("mailbox of " + recipient + " is full (capacity " + capacity + "); message rejected");
        this.capacity = capacity;
    }

    /** The capacity of the mailbox that refused the message. */
    public int capacity() {
        return capacity;
    }
}
