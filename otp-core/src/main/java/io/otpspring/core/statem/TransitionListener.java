package io.otpspring.core.statem;

import java.util.Objects;

/**
 * Told of every state change of a machine, and of the initial state of each incarnation: the hook
 * for an audit trail or metrics. It runs as the machine's process (for the initial state, during
 * {@code start}), in order, before the enter call and before the replies of the transition go out,
 * so a caller whose call changed the state finds the change already reported. Keeping the state
 * (keep, repeat, or next to an equal state) is not a change and is not reported.
 *
 * <p>A listener that throws crashes the machine like a throwing handler (its supervisor restarts
 * it from its initial state): a transition is never made without being reported. Keep listeners
 * quick; hand slow work to another process.
 *
 * @param <S> the machine's state type
 */
@FunctionalInterface
public interface TransitionListener<S> {

    /** Called after each state change, and once for the initial state ({@link StateChange#isInitial()}). */
    void onTransition(StateChange<S> change);

    /** This listener, then {@code next}. */
    default TransitionListener<S> andThen(TransitionListener<S> next) {
        Objects.requireNonNull(next, "next");
        return change -> {
            onTransition(change);
            next.onTransition(change);
        };
    }
}
