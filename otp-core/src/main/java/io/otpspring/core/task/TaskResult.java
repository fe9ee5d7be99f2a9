package io.otpspring.core.task;

import java.util.Objects;

import io.otpspring.core.process.ExitReason;
import org.jspecify.annotations.Nullable;

/** How a task ended, as a value: Elixir's {@code {:ok, value}} or {@code {:exit, reason}}. */
public sealed interface TaskResult<T> {

    /** The task returned {@code value} (which may be {@code null}). */
    record Ok<T>(@Nullable T value) implements TaskResult<T> {
    }

    /** The task exited with {@code reason} before returning: it crashed, was killed, or timed out. */
    record Exited<T>(ExitReason reason) implements TaskResult<T> {
        public Exited {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
