package io.otpspring.test;

import java.time.Duration;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * How an assertion is checked: at once, or (after {@code eventually()}) again and again until it
 * holds or the time is up, failing then with the last failure and the node as it was.
 */
record Eventually(boolean enabled, Duration timeout) {

    static final Eventually NOW = new Eventually(false, Duration.ZERO);

    /** The default wait of an {@code eventually()} assertion. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    void check(Runnable assertion, Supplier<String> state) {
        if (!enabled) {
            assertion.run();
            return;
        }
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(10)).dontCatchUncaughtExceptions()
                    .untilAsserted(assertion::run);
        }
        catch (ConditionTimeoutException timedOut) {
            Throwable last = timedOut.getCause();
            throw new AssertionError("still failing after " + timeout + ": "
                    + (last == null ? timedOut.getMessage() : last.getMessage()) + "\n" + state.get(), last);
        }
    }
}
