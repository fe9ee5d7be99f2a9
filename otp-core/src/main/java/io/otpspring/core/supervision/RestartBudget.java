package io.otpspring.core.supervision;

import java.time.Duration;

/** A supervisor's running count of restarts against its {@link RestartIntensity}. Confined to the supervisor. */
final class RestartBudget {

    private RestartIntensity intensity;

    RestartBudget(int maxRestarts, Duration period) {
        this.intensity = RestartIntensity.of(maxRestarts, period);
    }

    /** Counts a restart now; {@code false} when that exceeds the intensity and the supervisor must give up. */
    boolean allowRestart() {
        RestartIntensity.Outcome outcome = intensity.record(System.nanoTime());
        intensity = outcome.intensity();
        return !outcome.exceeded();
    }

    /** The restarts counted within the period that ends now. */
    int recentRestarts() {
        return intensity.restartsWithin(System.nanoTime());
    }
}
