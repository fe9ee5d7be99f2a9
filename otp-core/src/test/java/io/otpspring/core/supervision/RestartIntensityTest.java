package io.otpspring.core.supervision;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The restart budget as a pure value: times are plain nanosecond numbers. */
class RestartIntensityTest {

    private static final Duration PERIOD = Duration.ofSeconds(5);
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @ParameterizedTest(name = "intensity {0}")
    @ValueSource(ints = {1, 3, 10})
    void allowsNRestartsWithinThePeriodAndExceedsOnTheNextOne(int n) {
        RestartIntensity intensity = RestartIntensity.of(n, PERIOD);
        for (int i = 0; i < n; i++) {
            RestartIntensity.Outcome outcome = intensity.record(i * SECOND / 10);
            assertThat(outcome.exceeded()).as("restart %d of %d", i + 1, n).isFalse();
            intensity = outcome.intensity();
        }

        assertThat(intensity.record(SECOND).exceeded()).isTrue();
    }

    @Test
    void restartsSpreadWiderThanThePeriodNeverExceed() {
        RestartIntensity intensity = RestartIntensity.of(1, PERIOD);
        for (int i = 0; i < 100; i++) {
            RestartIntensity.Outcome outcome = intensity.record(i * 6 * SECOND);
            assertThat(outcome.exceeded()).as("restart %d", i + 1).isFalse();
            intensity = outcome.intensity();
        }
        assertThat(intensity.restarts()).hasSize(1);
    }

    @Test
    void theWindowSlides() {
        RestartIntensity.Outcome outcome = RestartIntensity.of(2, PERIOD).record(0);
        outcome = outcome.intensity().record(3 * SECOND);
        // the restart at 0 has left the window by 6 s: two restarts in the window, allowed
        outcome = outcome.intensity().record(6 * SECOND);
        assertThat(outcome.exceeded()).isFalse();
        assertThat(outcome.intensity().restartsWithin(6 * SECOND)).isEqualTo(2);
        // the restarts at 3 s and 6 s are still in the window at 7 s: a third one exceeds
        assertThat(outcome.intensity().record(7 * SECOND).exceeded()).isTrue();
    }

    @Test
    void aRestartExactlyOnePeriodAgoStillCountsAsInOtp() {
        // supervisor.erl keeps a restart R while R >= Now - Period: the window includes its edge
        RestartIntensity once = RestartIntensity.of(1, PERIOD).record(0).intensity();

        assertThat(once.record(PERIOD.toNanos()).exceeded()).isTrue();
        assertThat(once.record(PERIOD.toNanos() + 1).exceeded()).isFalse();
    }

    @Test
    void intensityZeroExceedsOnTheFirstRestart() {
        assertThat(RestartIntensity.of(0, PERIOD).record(0).exceeded()).isTrue();
    }

    @Test
    void recordingDoesNotChangeTheOriginal() {
        RestartIntensity fresh = RestartIntensity.of(1, PERIOD);
        fresh.record(0);

        assertThat(fresh.restarts()).isEmpty();
        assertThat(fresh.record(0).exceeded()).isFalse();
    }

    @Test
    void rejectsANegativeIntensityAndAnEmptyPeriod() {
        assertThatThrownBy(() -> RestartIntensity.of(-1, PERIOD)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RestartIntensity.of(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
