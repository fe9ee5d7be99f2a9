package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.Objects;

/**
 * A delay before restarting a child that keeps crashing, growing with each consecutive restart, so
 * that a process whose dependency is down does not hammer it. Restarts still count against the
 * supervisor's intensity when the child exits, so a crash loop still escalates.
 *
 * @param delays the delay before each consecutive restart
 * @param resetAfter how long an incarnation must run for its next crash to count as the first again
 * @param whileRestarting what becomes of calls to the child while it waits
 */
public record RestartBackoff(RestartDelay delays, Duration resetAfter, WhileRestarting whileRestarting) {

    public RestartBackoff {
        Objects.requireNonNull(delays, "delays");
        Objects.requireNonNull(resetAfter, "resetAfter");
        Objects.requireNonNull(whileRestarting, "whileRestarting");
        if (resetAfter.isNegative()) {
            throw new IllegalArgumentException("the quiet period must not be negative, was " + resetAfter);
        }
    }

    /** Delays from {@code delays}, reset after {@code resetAfter} of quiet; calls fail while the child waits. */
    public static RestartBackoff of(RestartDelay delays, Duration resetAfter) {
        return new RestartBackoff(delays, resetAfter, WhileRestarting.FAIL_CALLS);
    }

    /** The same, with calls treated as {@code whileRestarting} says while the child waits. */
    public RestartBackoff withWhileRestarting(WhileRestarting whileRestarting) {
        return new RestartBackoff(delays, resetAfter, whileRestarting);
    }

    /** The delay before a restart, by how many consecutive restarts it makes. */
    @FunctionalInterface
    public interface RestartDelay {

        /**
         * The delay before the {@code attempt}-th consecutive restart (1 for the first after a quiet
         * period); zero or negative restarts at once.
         */
        Duration before(int attempt);
    }

    /** What becomes of calls to a child that waits for its delayed restart. */
    public enum WhileRestarting {

        /** They fail at once with the exit of the crashed incarnation: callers do not wait out the delay. */
        FAIL_CALLS,

        /**
         * They wait in the mailbox for the new incarnation (or their timeout), as other messages do;
         * except that a restart that stops siblings first fails the crashed child's calls anyway, since a
         * sibling blocked calling it could not stop.
         */
        QUEUE
    }
}
