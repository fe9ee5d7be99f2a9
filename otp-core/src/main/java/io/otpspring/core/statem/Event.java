package io.otpspring.core.statem;

import java.util.Objects;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;

/**
 * What a {@link GenStateMachine} handles, as {@code gen_statem}'s event types. Match it with an
 * exhaustive {@code switch} in {@link GenStateMachine#handleEvent}.
 *
 * @param <S> the machine's state type
 */
public sealed interface Event<S> permits Event.Call, Event.Cast, Event.Info, Event.Internal, Event.StateTimeout,
        Event.EventTimeout, Event.GenericTimeout, Event.Enter {

    /**
     * A {@link GenServer#call}: answer it once, with {@link Action#reply} now or in a later
     * transition, or with {@link GenServer#reply} from anywhere.
     */
    record Call<S>(Object request, From from) implements Event<S> {
        public Call {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(from, "from");
        }
    }

    /** A {@link GenServer#cast}. */
    record Cast<S>(Object message) implements Event<S> {
        public Cast {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Any other message: plain sends, {@code Down}, and (when trapping exits) {@code Exit}. */
    record Info<S>(Object message) implements Event<S> {
        public Info {
            Objects.requireNonNull(message, "message");
        }
    }

    /** An event inserted by {@link Action#nextEvent}. */
    record Internal<S>(Object content) implements Event<S> {
        public Internal {
            Objects.requireNonNull(content, "content");
        }
    }

    /** The state timeout fired: the machine stayed in one state for its whole duration. */
    record StateTimeout<S>(Object content) implements Event<S> {
        public StateTimeout {
            Objects.requireNonNull(content, "content");
        }
    }

    /** The event timeout fired: no event came for its whole duration. */
    record EventTimeout<S>(Object content) implements Event<S> {
        public EventTimeout {
            Objects.requireNonNull(content, "content");
        }
    }

    /** The generic timeout {@code name} fired. */
    record GenericTimeout<S>(String name, Object content) implements Event<S> {
        public GenericTimeout {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
        }
    }

    /**
     * The state enter call, when {@link GenStateMachine#stateEnter()} is on: the machine has just
     * entered the state it is handed. It may reply and set timeouts, or stop; it may not change the
     * state, postpone or insert events.
     *
     * @param previous the state left; for the initial state and after a {@link Transition#repeat}, the state itself
     */
    record Enter<S>(S previous) implements Event<S> {
        public Enter {
            Objects.requireNonNull(previous, "previous");
        }
    }
}
