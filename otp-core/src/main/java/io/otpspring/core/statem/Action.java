package io.otpspring.core.statem;

import java.time.Duration;
import java.util.Objects;

import io.otpspring.core.genserver.From;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Transition} does besides choosing the state, as {@code gen_statem}'s actions. They
 * take effect once the transition is complete (the state changed, the listener told, the enter call
 * run): inserted events are queued and timers started or cancelled in order, then the replies go out.
 */
public sealed interface Action permits Action.Reply, Action.Postpone, Action.NextEvent, Action.StartTimeout,
        Action.CancelTimeout {

    /** Replies {@code value} (which may be {@code null}) to a call; each call is answered once. */
    static Reply reply(From from, @Nullable Object value) {
        return new Reply(from, value);
    }

    /** Postpones the current event: it is handled again, in its original order, after the next state change. */
    static Action postpone() {
        return Postpone.INSTANCE;
    }

    /** Inserts {@link Event.Internal}{@code (content)} to be handled next, before any message still queued. */
    static Action nextEvent(Object content) {
        return new NextEvent(content);
    }

    /** Starts (or restarts) the state timeout: {@link Event.StateTimeout} unless the state changes first. */
    static Action stateTimeout(Duration after, Object content) {
        return new StartTimeout(Timeout.STATE, after, content);
    }

    /** Cancels the state timeout, if running. */
    static Action cancelStateTimeout() {
        return new CancelTimeout(Timeout.STATE);
    }

    /** Starts the event timeout: {@link Event.EventTimeout} unless any event comes first. */
    static Action eventTimeout(Duration after, Object content) {
        return new StartTimeout(Timeout.EVENT, after, content);
    }

    /** Starts (or restarts) the generic timeout {@code name}: {@link Event.GenericTimeout} unless cancelled. */
    static Action genericTimeout(String name, Duration after, Object content) {
        return new StartTimeout(Timeout.generic(name), after, content);
    }

    /** Cancels the generic timeout {@code name}, if running. */
    static Action cancelGenericTimeout(String name) {
        return new CancelTimeout(Timeout.generic(name));
    }

    /** Reply to a call. */
    record Reply(From from, @Nullable Object value) implements Action {
        public Reply {
            Objects.requireNonNull(from, "from");
        }
    }

    /** Postpone the current event. */
    enum Postpone implements Action {
        INSTANCE
    }

    /** Insert an internal event. */
    record NextEvent(Object content) implements Action {
        public NextEvent {
            Objects.requireNonNull(content, "content");
        }
    }

    /** Start (or restart) a timer. */
    record StartTimeout(Timeout timeout, Duration after, Object content) implements Action {
        public StartTimeout {
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(content, "content");
            if (after.isNegative()) {
                throw new IllegalArgumentException("a timeout must not be negative: " + after
                        + "; to stop a running one, use Action.cancelStateTimeout() or cancelGenericTimeout(name)");
            }
        }
    }

    /** Cancel a timer. */
    record CancelTimeout(Timeout timeout) implements Action {
        public CancelTimeout {
            Objects.requireNonNull(timeout, "timeout");
        }
    }
}
