package io.otpspring.core.genserver;

import java.util.Objects;

import io.otpspring.core.process.Awaited;
import org.jspecify.annotations.Nullable;

/**
 * The envelopes {@link GenServer#call} and {@link GenServer#cast} put messages in, opened and
 * rebuilt for a {@link io.otpspring.core.process.Distribution}: it sends a call's request and a
 * cast's message to another node, and rebuilds the envelope there.
 */
public final class Envelopes {

    private Envelopes() {
    }

    /** Whether {@code message} is a call's envelope. */
    public static boolean isCall(Object message) {
        return message instanceof Call;
    }

    /** Whether {@code message} is a cast's envelope. */
    public static boolean isCast(Object message) {
        return message instanceof Cast;
    }

    /**
     * The request in a call's envelope, or the message in a cast's.
     *
     * @throws IllegalArgumentException for any other message
     */
    public static Object contentOf(Object envelope) {
        if (envelope instanceof Call call) {
            return call.request();
        }
        if (envelope instanceof Cast cast) {
            return cast.message();
        }
        throw new IllegalArgumentException("not a call or a cast: " + envelope);
    }

    /**
     * Answers the caller waiting on a call's envelope with {@code value}, as the server would have.
     *
     * @throws IllegalArgumentException when {@code call} is not a call's envelope
     */
    public static void reply(Object call, @Nullable Object value) {
        if (!(call instanceof Call envelope)) {
            throw new IllegalArgumentException("not a call: " + call);
        }
        envelope.from().reply(value);
    }

    /** A call's envelope for {@code request}, whose outcome goes to {@code route}. */
    public static Awaited call(Object request, ReplyRoute route) {
        return new Call(Objects.requireNonNull(request, "request"), new RoutedSlot(Objects.requireNonNull(route, "route")));
    }

    /** A cast's envelope for {@code message}. */
    public static Object cast(Object message) {
        return new Cast(Objects.requireNonNull(message, "message"));
    }
}
