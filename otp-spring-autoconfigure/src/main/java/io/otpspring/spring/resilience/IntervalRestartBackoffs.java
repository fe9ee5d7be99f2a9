package io.otpspring.spring.resilience;

import java.time.Duration;

import io.github.resilience4j.core.IntervalFunction;
import io.otpspring.core.supervision.RestartBackoff;
import io.otpspring.spring.process.BackoffSettings;
import io.otpspring.spring.process.ProcessDefinitionException;
import io.otpspring.spring.process.RestartBackoffs;

/** Restart backoffs from Resilience4j's exponential random backoff. */
public final class IntervalRestartBackoffs implements RestartBackoffs {

    @Override
    public RestartBackoff of(String bean, BackoffSettings settings) {
        IntervalFunction intervals;
        try {
            intervals = IntervalFunction.ofExponentialRandomBackoff(settings.initialInterval(), settings.multiplier(),
                    settings.randomizationFactor(), settings.maxInterval());
        }
        catch (IllegalArgumentException invalid) {
            throw new ProcessDefinitionException("bean '" + bean + "' has an invalid restart backoff " + settings
                    + ": " + invalid.getMessage());
        }
        return RestartBackoff.of(attempt -> Duration.ofMillis(intervals.apply(attempt)), settings.resetAfter())
                .withWhileRestarting(settings.whileRestarting());
    }
}
