package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A supervisor's restart budget: at most {@code maxRestarts} restarts within any {@code period}.
 * Immutable; {@link #record(long)} returns the next value and whether the budget is exceeded.
 *
 * @param maxRestarts the restarts allowed within a period (0 means the first exit escalates)
 * @param period the sliding window
 * @param restarts the times (in nanoseconds, on any monotonic clock) of the restarts still in the window
 */
public record RestartIntensity(int maxRestarts, Duration period, List<Long> restarts) {

    public RestartIntensity {
        if (maxRestarts < 0) {
            throw new IllegalArgumentException("max restarts must not be negative, was " + maxRestarts);
        }
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the restart period must be positive, was " + period);
        }
        restarts = List.copyOf(restarts);
    }

    /** A budget with no restarts recorded yet. */
    public static RestartIntensity of(int maxRestarts, Duration period) {
        return new RestartIntensity(maxRestarts, period, List.of());
    }

    /** Records a restart at {@code nowNanos}, forgetting restarts older than the period. */
    public Outcome record(long nowNanos) {
        long window = period.toNanos();
        List<Long> inWindow = new ArrayList<>(restarts.size() + 1);
        for (long time : restarts) {
            if (nowNanos - time <= window) {
                inWindow.add(time);
            }
        }
        inWindow.add(nowNanos);
        return new Outcome(new RestartIntensity(maxRestarts, period, inWindow), inWindow.size() > maxRestarts);
    }

    /** How many restarts lie within the period ending at {@code nowNanos}. */
    public int restartsWithin(long nowNanos) {
        long window = period.toNanos();
        return (int) restarts.stream().filter(time -> nowNanos - time <= window).count();
    }

    /**
     * The result of recording a restart.
     *
     * @param intensity the budget after the restart
     * @param exceeded whether the supervisor must give up (and escalate) instead of restarting
     */
    public record Outcome(RestartIntensity intensity, boolean exceeded) {
    }
}
