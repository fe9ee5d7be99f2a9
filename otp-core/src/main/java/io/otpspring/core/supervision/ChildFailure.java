package io.otpspring.core.supervision;

import java.time.Instant;
import java.util.Objects;

import io.otpspring.core.process.ExitReason;

/**
 * A child's last abnormal exit: any reason but {@code normal} and {@code shutdown}.
 *
 * @param reason why it exited (an {@link ExitReason.Crash} carries the exception)
 * @param at when its supervisor learnt of it
 */
public record ChildFailure(ExitReason reason, Instant at) {

    public ChildFailure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
