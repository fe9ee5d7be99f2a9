package io.otpspring.core.statem;

/**
 * What a machine's timer sends it. Compared by identity: only the message of the timer still
 * armed fires, so one left in the mailbox by a timer since cancelled or restarted is ignored.
 */
final class TimeoutMessage {

    private final Timeout timeout;
    private final Object content;

    TimeoutMessage(Timeout timeout, Object content) {
        this.timeout = timeout;
        this.content = content;
    }

    Timeout timeout() {
        return timeout;
    }

    Object content() {
        return content;
    }

    @Override
    public String toString() {
        return "timeout " + timeout + ": " + content;
    }
}
