package io.otpspring.core.statem;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.otpspring.core.process.DeadLetter;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.ProcessContext;
import org.jspecify.annotations.Nullable;

/**
 * Runs one incarnation of a machine by {@code gen_statem}'s rules: hands it each event, carries out
 * the transition it returns, and keeps the events due before the next message (inserted ones, and
 * postponed ones retried after a state change). Touched only by the machine's process.
 */
final class Engine<S> {

    private final GenStateMachine<S> machine;
    private final TransitionListener<S> listener;
    private final ProcessContext self;
    private final boolean stateEnter;
    private final Timeouts timeouts;
    private final Deque<Event<S>> queue = new ArrayDeque<>();
    private final List<Event<S>> postponed = new ArrayList<>();
    private S state;
    private boolean stopped;

    private Engine(GenStateMachine<S> machine, TransitionListener<S> listener, ProcessContext self, S initial) {
        this.machine = machine;
        this.listener = listener;
        this.self = self;
        this.stateEnter = machine.stateEnter();
        this.timeouts = new Timeouts(self);
        this.state = initial;
    }

    /** Runs {@code init}, reports the initial state, runs its enter call and the events it inserts. */
    static <S> Engine<S> start(GenStateMachine<S> machine, TransitionListener<S> listener, ProcessContext self)
            throws Exception {
        Transition.Next<S> initial = machine.init(self);
        if (initial == null) {
            throw new IllegalStateException(machine.getClass().getName()
                    + ".init returned null; return Transition.next(initialState)");
        }
        Engine<S> engine = new Engine<>(machine, listener, self, initial.state());
        Effects<S> effects = new Effects<>();
        effects.collect(initial.actions(), Effects.Origin.INIT, initial.state());
        engine.report(null, null);
        if (engine.enter(initial.state(), effects)) {
            effects.complete(engine.queue, engine.timeouts);
            engine.drain();
        }
        return engine;
    }

    /** Handles an event from the mailbox, then the events it made due. */
    void handle(Event<S> event) throws Exception {
        dispatch(event);
        drain();
    }

    /** Handles a timer's message: the event it fires, unless the timer was cancelled or restarted since. */
    void fire(TimeoutMessage message) throws Exception {
        Event<S> event = timeouts.fire(message);
        if (event != null) {
            handle(event);
        }
    }

    /** Stops the timers, publishes the events never handled as dead letters, runs the machine's {@code terminate}. */
    void terminate(ExitReason reason) throws Exception {
        timeouts.cancelAll();
        postponed.forEach(this::deadLetter);
        queue.forEach(this::deadLetter);
        postponed.clear();
        queue.clear();
        machine.terminate(reason, state);
    }

    private void deadLetter(Event<S> event) {
        self.node().deadLetters().publish(new DeadLetter(self.self(), event, DeadLetter.Cause.UNHANDLED_AT_EXIT));
    }

    private void drain() throws Exception {
        while (!stopped && !queue.isEmpty()) {
            dispatch(queue.removeFirst());
        }
    }

    private void dispatch(Event<S> event) throws Exception {
        timeouts.cancel(Timeout.EVENT);
        Transition<S> transition = machine.handleEvent(state, event);
        switch (transition) {
            case null -> throw new IllegalStateException(machine.getClass().getName() + ".handleEvent returned null"
                    + " for " + event + " in state " + state + "; return Transition.keep() to ignore an event");
            case Transition.Next<S> next -> transit(event, next.state(), next.actions(), false);
            case Transition.Keep<S> keep -> transit(event, state, keep.actions(), false);
            case Transition.Repeat<S> repeat -> transit(event, state, repeat.actions(), true);
            case Transition.Stop<S> stop -> stop(stop);
        }
    }

    private void transit(Event<S> event, S next, List<Action> actions, boolean repeat) throws Exception {
        Effects<S> effects = new Effects<>();
        effects.collect(actions, Effects.Origin.EVENT, state);
        S previous = state;
        boolean changed = !next.equals(previous);
        state = next;
        if (changed) {
            report(previous, event);
        }
        if ((changed || repeat) && !enter(previous, effects)) {
            return;
        }
        if (effects.postpones()) {
            postponed.add(event);
        }
        if (changed) {
            timeouts.cancel(Timeout.STATE);
            for (int i = postponed.size() - 1; i >= 0; i--) {
                queue.addFirst(postponed.get(i));
            }
            postponed.clear();
        }
        effects.complete(queue, timeouts);
    }

    /** Runs the enter call of the current state, if enter calls are on; returns false when it stopped the machine. */
    private boolean enter(S previous, Effects<S> effects) throws Exception {
        if (!stateEnter) {
            return true;
        }
        Transition<S> transition = machine.handleEvent(state, new Event.Enter<>(previous));
        switch (transition) {
            case null -> throw new IllegalStateException(machine.getClass().getName() + ".handleEvent returned null"
                    + " for the enter call of state " + state + "; return Transition.keep()");
            case Transition.Keep<S> keep -> effects.collect(keep.actions(), Effects.Origin.ENTER, state);
            case Transition.Next<S> next when next.state().equals(state) ->
                    effects.collect(next.actions(), Effects.Origin.ENTER, state);
            case Transition.Next<S> next -> throw new IllegalStateException("the enter call of state " + state
                    + " returned next(" + next.state() + "), but an enter call cannot change the state;"
                    + " return Transition.keep(...) and choose the state in the handler of the event");
            case Transition.Repeat<S> repeat -> throw new IllegalStateException("the enter call of state " + state
                    + " returned repeat(), which would enter it again forever; return Transition.keep(...)");
            case Transition.Stop<S> stop -> {
                stop(stop);
                return false;
            }
        }
        return true;
    }

    private void stop(Transition.Stop<S> stop) {
        for (Action.Reply reply : stop.replies()) {
            reply.from().reply(reply.value());
        }
        stopped = true;
        self.stop(stop.reason());
    }

    private void report(@Nullable S from, @Nullable Event<S> event) {
        listener.onTransition(new StateChange<>(self.self(), from, event, state, Instant.now()));
    }
}
