package io.otpspring.test;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.otpspring.core.statem.Event;
import io.otpspring.core.statem.StateChange;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on a state machine's state and transitions, from a state-machine bean's
 * {@code StateMachineHandle} or a core machine's {@link TransitionRecorder}.
 *
 * @param <S> the machine's state type
 */
public final class StateMachineAssert<S> extends AbstractAssert<StateMachineAssert<S>, Object> {

    private final Supplier<@Nullable S> state;
    private final Supplier<List<StateChange<S>>> transitions;
    private final Eventually eventually;

    @SuppressWarnings("unchecked")
    StateMachineAssert(Object machine, Supplier<@Nullable S> state, Supplier<List<StateChange<S>>> transitions,
            Eventually eventually) {
        super(machine, (Class<StateMachineAssert<S>>) (Class<?>) StateMachineAssert.class);
        this.state = state;
        this.transitions = transitions;
        this.eventually = eventually;
    }

    /** The same assertions, each retried until it holds, for up to 10 s. */
    public StateMachineAssert<S> eventually() {
        return eventually(Eventually.DEFAULT_TIMEOUT);
    }

    /** The same assertions, each retried until it holds, for up to {@code timeout}. */
    public StateMachineAssert<S> eventually(Duration timeout) {
        return new StateMachineAssert<>(actual, state, transitions, new Eventually(true, timeout));
    }

    public StateMachineAssert<S> isInState(S expected) {
        check(() -> {
            S now = state.get();
            if (!Objects.equals(now, expected)) {
                failWithMessage("expected %s to be in state %s, but it is in %s", actual, expected, now);
            }
        });
        return this;
    }

    /**
     * It went from {@code from} to {@code to} on {@code event}: a message (the request of a call,
     * the message of a cast or info, the content of an internal event or timeout), or an
     * {@link Event} itself, or a {@link Class} the message is an instance of.
     */
    public StateMachineAssert<S> hasTransitioned(S from, Object event, S to) {
        check(() -> {
            List<StateChange<S>> changes = transitions.get();
            boolean found = changes.stream().anyMatch(change -> Objects.equals(change.from(), from)
                    && Objects.equals(change.to(), to) && matches(change.event(), event));
            if (!found) {
                failWithMessage("expected %s to have gone from %s to %s on %s, but its transitions are %s", actual,
                        from, to, event, changes.stream().map(StateMachineAssert::describe).toList());
            }
        });
        return this;
    }

    private static boolean matches(@Nullable Event<?> event, Object expected) {
        if (event == null) {
            return false;
        }
        if (event.equals(expected) || (expected instanceof Class<?> type && type.isInstance(event))) {
            return true;
        }
        Object payload = switch (event) {
            case Event.Call<?> call -> call.request();
            case Event.Cast<?> cast -> cast.message();
            case Event.Info<?> info -> info.message();
            case Event.Internal<?> internal -> internal.content();
            case Event.StateTimeout<?> timeout -> timeout.content();
            case Event.EventTimeout<?> timeout -> timeout.content();
            case Event.GenericTimeout<?> timeout -> timeout.content();
            case Event.Enter<?> enter -> enter.previous();
        };
        return expected instanceof Class<?> type ? type.isInstance(payload) : Objects.equals(payload, expected);
    }

    private static String describe(StateChange<?> change) {
        return change.from() + " -[" + change.event() + "]-> " + change.to();
    }

    private void check(Runnable assertion) {
        isNotNull();
        eventually.check(assertion, () -> "its transitions: "
                + transitions.get().stream().map(StateMachineAssert::describe).toList());
    }
}
