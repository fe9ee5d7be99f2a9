package io.otpspring.spring.actuate.endpoint;

import java.util.Arrays;
import java.util.List;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.supervision.ChildFailure;
import org.jspecify.annotations.Nullable;

/**
 * A process's last abnormal exit.
 *
 * @param reason the exit reason ({@code crash}, {@code killed}, ...)
 * @param exception the exception's class, for a crash
 * @param message the exception's message, for a crash
 * @param at when its supervisor learnt of it (ISO-8601)
 * @param stackTrace the top frames of the exception's stack trace, for a crash
 */
public record CrashDescriptor(String reason, @Nullable String exception, @Nullable String message, String at,
        List<String> stackTrace) {

    /** How many stack frames are shown. */
    static final int FRAMES = 12;

    static CrashDescriptor of(ChildFailure failure) {
        String at = failure.at().toString();
        if (failure.reason() instanceof ExitReason.Crash crash) {
            Throwable cause = crash.cause();
            List<String> frames = Arrays.stream(cause.getStackTrace()).limit(FRAMES).map(String::valueOf).toList();
            return new CrashDescriptor("crash", cause.getClass().getName(), cause.getMessage(), at, frames);
        }
        return new CrashDescriptor(failure.reason().toString(), null, null, at, List.of());
    }
}
