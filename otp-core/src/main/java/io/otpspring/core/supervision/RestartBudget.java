package io.otpspring.core.supervision;

import java.time.Duration;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.ProcessContext;

/** A supervisor's running count of restarts against its {@link RestartIntensity}. Confined to the supervisor. */
final class RestartBudget {

    private RestartIntensity intensity;

    RestartBudget(int maxRestarts, Duration period) {
        this.intensity = RestartIntensity.of(maxRestarts, period);
    }

    /**
     * Counts a restart now. When that exceeds the intensity, the supervisor gives up: it stops with
     * {@code {shutdown, reached_max_restart_intensity}} (escalating to its own supervisor) once the
     * message in hand is handled, and this returns {@code false}.
     */
    boolean allowRestart(ProcessContext supervisor) {
        RestartIntensity.Outcome outcome = intensity.record(supervisor.node().nanoTime());
        intensity = outcome.intensity();
        if (!outcome.exceeded()) {
            return true;
        }
        supervisor.stop(SupervisorServer.GAVE_UP);
        return false;
    }

    /** Reports that {@code supervisor} gave up, when {@code reason} (its exit reason) says it did. */
    void reportIfGaveUp(ProcessContext supervisor, ExitReason reason) {
        if (reason.equals(SupervisorServer.GAVE_UP)) {
            CrashReports.gaveUp(supervisor.self(), intensity.maxRestarts(), intensity.period());
        }
    }

    /** The restarts counted within the period that ends at {@code nowNanos}. */
    int recentRestarts(long nowNanos) {
        return intensity.restartsWithin(nowNanos);
    }
}
