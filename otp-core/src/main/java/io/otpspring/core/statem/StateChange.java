package io.otpspring.core.statem;

import java.time.Instant;
import java.util.Objects;

import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * One state change of a machine, as a {@link TransitionListener} receives it: an entry for an
 * audit trail or a metric.
 *
 * @param machine the machine's process (one incarnation: a restart has a new pid)
 * @param from the state left; {@code null} when {@code to} is the initial state of an incarnation
 * @param event the event whose handling changed the state; {@code null} for the initial state
 * @param to the state entered
 * @param at when the state changed
 * @param <S> the machine's state type
 */
public record StateChange<S>(Pid machine, @Nullable S from, @Nullable Event<S> event, S to, Instant at) {

    public StateChange {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
    }

    /** Whether this reports the initial state of an incarnation (at start, or after a restart). */
    public boolean isInitial() {
        return from == null;
    }
}
