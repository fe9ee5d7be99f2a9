package io.otpspring.core.statem;

import java.util.List;
import java.util.Objects;

import io.otpspring.core.process.ExitReason;

/**
 * What {@link GenStateMachine#handleEvent} decides: go to a state, keep the state, repeat it
 * (running its enter call again), or stop; the first three carry {@link Action}s. Going to a state
 * {@code equal} to the current one keeps it: only a state that is not {@code equal} is a state change.
 *
 * @param <S> the machine's state type
 */
public sealed interface Transition<S> permits Transition.Next, Transition.Keep, Transition.Repeat, Transition.Stop {

    /**
     * Goes to {@code state}. If it differs from the current state, this is a state change: the
     * state timeout is cancelled, postponed events are handled again, the listener is told and the
     * enter call runs.
     */
    static <S> Next<S> next(S state, Action... actions) {
        return new Next<>(state, List.of(actions));
    }

    /** Keeps the current state: postponed events stay postponed, the state timeout keeps running. */
    static <S> Keep<S> keep(Action... actions) {
        return new Keep<>(List.of(actions));
    }

    /** Keeps the current state but runs its enter call again (when enter calls are on). */
    static <S> Repeat<S> repeat(Action... actions) {
        return new Repeat<>(List.of(actions));
    }

    /**
     * Sends {@code replies}, then stops the machine with {@code reason}; callers not answered get an
     * {@code ExitException} with that reason.
     */
    static <S> Stop<S> stop(ExitReason reason, Action.Reply... replies) {
        return new Stop<>(reason, List.of(replies));
    }

    /** Go to {@code state}. */
    record Next<S>(S state, List<Action> actions) implements Transition<S> {
        public Next {
            Objects.requireNonNull(state,
                    "Transition.next needs a state; to stay in the current one, return Transition.keep()");
            actions = List.copyOf(actions);
        }
    }

    /** Keep the state. */
    record Keep<S>(List<Action> actions) implements Transition<S> {
        public Keep {
            actions = List.copyOf(actions);
        }
    }

    /** Keep the state and enter it again. */
    record Repeat<S>(List<Action> actions) implements Transition<S> {
        public Repeat {
            actions = List.copyOf(actions);
        }
    }

    /** Reply, then stop. */
    record Stop<S>(ExitReason reason, List<Action.Reply> replies) implements Transition<S> {
        public Stop {
            Objects.requireNonNull(reason, "reason");
            replies = List.copyOf(replies);
        }
    }
}
