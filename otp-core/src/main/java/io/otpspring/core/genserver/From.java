package io.otpspring.core.genserver;

import org.jspecify.annotations.Nullable;

/**
 * The caller of a {@link GenServer} call, waiting for its reply. Keep it and answer later (from
 * this process or any other) when {@code handleCall} returned {@link Reply#later()}.
 */
public interface From {

    /**
     * Sends the reply. Only the first reply counts; one that comes after the caller stopped
     * waiting (timeout, or the server exited) is discarded and counted as a dead letter.
     * Answer each call once: the {@code From} of a state machine's call throws
     * {@link IllegalStateException} on a second reply.
     */
    void reply(@Nullable Object value);

    /**
     * Whether the caller still waits for the reply: {@code false} once it has it, timed out or
     * exited. A server may skip computing an answer nobody will read. A {@code From} that cannot
     * tell (a test's stand-in, say) answers {@code true}.
     */
    default boolean isWaiting() {
        return true;
    }
}
