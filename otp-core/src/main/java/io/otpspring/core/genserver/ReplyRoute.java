package io.otpspring.core.genserver;

import org.jspecify.annotations.Nullable;

/**
 * Where the outcome of a call that came from another node goes: back to its caller's node. A
 * distribution implements it for each call it delivers (see {@link Envelopes#call}).
 */
public interface ReplyRoute {

    /** The server answered {@code value}. */
    void reply(@Nullable Object value);

    /** The call will never be answered, because of {@code error} (typically an {@code ExitException}). */
    void fail(RuntimeException error);
}
