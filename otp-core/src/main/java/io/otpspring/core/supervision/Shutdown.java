package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How a supervisor stops a child: kill it at once, or ask it to stop and wait (a bounded time,
 * then kill; or forever, for supervisors).
 *
 * @param timeout how long to wait for a graceful stop; {@link Duration#ZERO} kills at once, and
 *                {@code null} waits forever
 */
public record Shutdown(@Nullable Duration timeout) {

    private static final Shutdown BRUTAL_KILL = new Shutdown(Duration.ZERO);
    private static final Shutdown INFINITY = new Shutdown(null);

    public Shutdown {
        if (timeout != null && timeout.isNegative()) {
            throw new IllegalArgumentException("a shutdown timeout must not be negative: " + timeout);
        }
    }

    /** Kill the child at once; it runs no {@code terminate}. */
    public static Shutdown brutalKill() {
        return BRUTAL_KILL;
    }

    /** Wait as long as it takes: the default for supervisor children. */
    public static Shutdown infinity() {
        return INFINITY;
    }

    /** Ask the child to stop, and kill it if it has not exited within {@code timeout}. */
    public static Shutdown timeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return timeout.isZero() ? BRUTAL_KILL : new Shutdown(timeout);
    }

    /** Whether this kills at once. */
    public boolean isBrutalKill() {
        return timeout != null && timeout.isZero();
    }

    @Override
    public String toString() {
        return timeout == null ? "infinity" : isBrutalKill() ? "brutal_kill" : timeout.toString();
    }
}
