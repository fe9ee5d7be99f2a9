package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.Objects;

/**
 * A dynamic supervisor's flags, as Elixir's {@code DynamicSupervisor.init/1}: restart intensity
 * (3 restarts in 5 seconds by default) and the most children it runs at once (unlimited by default).
 *
 * @param intensity the restarts allowed within {@code period} before the supervisor gives up
 * @param period the window of the restart intensity
 * @param maxChildren the most children at once; a start beyond it is refused with
 *                    {@link StartResult.MaxChildrenReached}
 */
public record DynamicSupervisorSpec(int intensity, Duration period, int maxChildren) {

    /** No limit on the number of children. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private static final DynamicSupervisorSpec DEFAULTS = new DynamicSupervisorSpec(SupervisorSpec.DEFAULT_INTENSITY,
            SupervisorSpec.DEFAULT_PERIOD, UNLIMITED);

    public DynamicSupervisorSpec {
        Objects.requireNonNull(period, "period");
        RestartIntensity.of(intensity, period);
        if (maxChildren < 1) {
            throw new IllegalArgumentException("max children must be at least 1, was " + maxChildren);
        }
    }

    /** The default intensity and no limit on children. */
    public static DynamicSupervisorSpec defaults() {
        return DEFAULTS;
    }

    /** The same, allowing {@code intensity} restarts within {@code period}. */
    public DynamicSupervisorSpec withIntensity(int intensity, Duration period) {
        return new DynamicSupervisorSpec(intensity, period, maxChildren);
    }

    /** The same, running at most {@code maxChildren} children at once. */
    public DynamicSupervisorSpec withMaxChildren(int maxChildren) {
        return new DynamicSupervisorSpec(intensity, period, maxChildren);
    }
}
