package io.otpspring.core.statem;

import java.util.Objects;

/**
 * Names one timer of a state machine: its {@link #STATE state timeout} (cancelled by any state
 * change), its {@link #EVENT event timeout} (cancelled by any event) or a {@link #generic generic
 * timeout} (runs until it fires or is cancelled). Starting a timer that is running restarts it.
 */
public sealed interface Timeout permits Timeout.OfState, Timeout.OfEvent, Timeout.Generic {

    /** The state timeout: one per machine, cancelled by any state change. */
    Timeout STATE = new OfState();

    /** The event timeout: one per machine, cancelled by any event. */
    Timeout EVENT = new OfEvent();

    /** The generic timeout {@code name}: survives state changes and events. */
    static Timeout generic(String name) {
        return new Generic(name);
    }

    /** The state timeout. */
    record OfState() implements Timeout {
    }

    /** The event timeout. */
    record OfEvent() implements Timeout {
    }

    /** A generic timeout, by name. */
    record Generic(String name) implements Timeout {
        public Generic {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException(
                        "a generic timeout needs a name, e.g. Timeout.generic(\"reminder\")");
            }
        }
    }
}
