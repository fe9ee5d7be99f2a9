package io.otpspring.core.genserver;

import java.util.Objects;

import io.otpspring.core.process.ExitReason;
import org.jspecify.annotations.Nullable;

/** What {@link GenServer#handleCall} decides: reply now, reply later through the {@link From}, or stop. */
public sealed interface Reply permits Reply.Value, Reply.Later, Reply.Stop {

    /** Replies {@code value} (which may be {@code null}) to the caller now. */
    static Reply of(@Nullable Object value) {
        return new Value(value);
    }

    /** Replies later, from anywhere, with {@link From#reply(Object)}. */
    static Reply later() {
        return Later.INSTANCE;
    }

    /** Stops the server with {@code reason}; the caller receives an exit exception with that reason. */
    static Reply stop(ExitReason reason) {
        return new Stop(reason, false, null);
    }

    /** Replies {@code value}, then stops the server with {@code reason}. */
    static Reply stop(ExitReason reason, @Nullable Object value) {
        return new Stop(reason, true, value);
    }

    /** Reply now. */
    record Value(@Nullable Object value) implements Reply {
    }

    /** Reply later. */
    enum Later implements Reply {
        INSTANCE
    }

    /** Stop, replying first when {@code replies}. */
    record Stop(ExitReason reason, boolean replies, @Nullable Object value) implements Reply {
        public Stop {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
