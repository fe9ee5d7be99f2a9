package io.otpspring.spring.process;

import java.time.Duration;
import java.util.Objects;

import io.otpspring.core.supervision.RestartBackoff.WhileRestarting;

/**
 * An exponential restart backoff as configured (by {@code @Supervised(backoff = @Backoff(...))} or
 * {@code otp.processes.<bean>.restart-backoff.*}), before it becomes a core
 * {@link io.otpspring.core.supervision.RestartBackoff}.
 *
 * @param initialInterval the first delay
 * @param multiplier how much each delay grows over the one before
 * @param randomizationFactor how much a delay may vary at random, as a share of it
 * @param maxInterval the longest delay
 * @param resetAfter how long an incarnation must run for the next crash to count as the first again
 * @param whileRestarting what becomes of calls while the process waits
 */
public record BackoffSettings(Duration initialInterval, double multiplier, double randomizationFactor,
        Duration maxInterval, Duration resetAfter, WhileRestarting whileRestarting) {

    public BackoffSettings {
        Objects.requireNonNull(initialInterval, "initialInterval");
        Objects.requireNonNull(maxInterval, "maxInterval");
        Objects.requireNonNull(resetAfter, "resetAfter");
        Objects.requireNonNull(whileRestarting, "whileRestarting");
    }
}
