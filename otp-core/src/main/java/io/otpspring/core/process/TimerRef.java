package io.otpspring.core.process;

import java.util.concurrent.ScheduledFuture;

/** A pending timer from {@link Timers}; cancel it to stop further messages. */
public final class TimerRef {

    private volatile ScheduledFuture<?> future;

    TimerRef() {
    }

    void schedule(ScheduledFuture<?> scheduled) {
        this.future = scheduled;
    }

    /**
     * Cancels the timer. Returns {@code true} when this stopped a message from being sent; a
     * message already sent stays in the recipient's mailbox.
     */
    public boolean cancel() {
        ScheduledFuture<?> scheduled = future;
        return scheduled != null && scheduled.cancel(false);
    }

    /** Whether the timer may still send (a one-shot timer that fired, or a cancelled one, is not active). */
    public boolean isActive() {
        ScheduledFuture<?> scheduled = future;
        return scheduled == null || !scheduled.isDone();
    }
}
