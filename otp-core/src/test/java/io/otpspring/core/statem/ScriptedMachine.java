package io.otpspring.core.statem;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.process.ProcessRef;

/**
 * The test machine: its handler is a lambda ({@link Script}), and it logs every event it handles
 * as {@code "<state> <kind>:<content>"} (see {@link #describe}) and its {@code terminate} as
 * {@code "terminate <reason> in <state>"}. A call of {@link #STATE} is answered with the current
 * state, neither logged nor scripted; it is still an event (it cancels the event timeout).
 */
final class ScriptedMachine<S> implements GenStateMachine<S> {

    /** The request {@link #state} sends. */
    static final String STATE = "state?";

    /** What the machine does with an event. */
    @FunctionalInterface
    interface Script<S> {
        Transition<S> handle(ProcessContext self, S state, Event<S> event) throws Exception;
    }

    /** What the machine does in {@code init}. */
    @FunctionalInterface
    interface Start<S> {
        Transition.Next<S> init(ProcessContext self) throws Exception;
    }

    private final Start<S> start;
    private final boolean stateEnter;
    private final Script<S> script;
    private final List<String> log;
    private ProcessContext self;

    private ScriptedMachine(Start<S> start, boolean stateEnter, Script<S> script, List<String> log) {
        this.start = start;
        this.stateEnter = stateEnter;
        this.script = script;
        this.log = log;
    }

    /** A machine starting as {@code initial} (with its actions), enter calls off. */
    static <S> ScriptedMachine<S> starting(Transition.Next<S> initial, Script<S> script) {
        return new ScriptedMachine<>(self -> initial, false, script, new CopyOnWriteArrayList<>());
    }

    /** A machine starting in {@code initial}, enter calls off. */
    static <S> ScriptedMachine<S> of(S initial, Script<S> script) {
        return starting(Transition.next(initial), script);
    }

    /** {@code machine}, logging the events it handles. */
    static <S> ScriptedMachine<S> logging(GenStateMachine<S> machine) {
        return new ScriptedMachine<>(machine::init, machine.stateEnter(),
                (self, state, event) -> machine.handleEvent(state, event), new CopyOnWriteArrayList<>());
    }

    /** The same machine (not yet started) with enter calls on. */
    ScriptedMachine<S> withEnterCalls() {
        return new ScriptedMachine<>(start, true, script, log);
    }

    /** A fresh machine like this one, logging to the same log: what a supervisor restarts. */
    ScriptedMachine<S> fresh() {
        return new ScriptedMachine<>(start, stateEnter, script, log);
    }

    /** The state of the machine at {@code ref}, asked with a call. */
    static Object state(ProcessRef ref) {
        return GenServer.call(ref, STATE);
    }

    /** Everything logged so far, in order. */
    List<String> log() {
        return List.copyOf(log);
    }

    @Override
    public Transition.Next<S> init(ProcessContext self) throws Exception {
        this.self = self;
        return start.init(self);
    }

    @Override
    public Transition<S> handleEvent(S state, Event<S> event) throws Exception {
        if (event instanceof Event.Call<S>(Object request, var from) && request.equals(STATE)) {
            return Transition.keep(Action.reply(from, state));
        }
        log.add(describe(state, event));
        return script.handle(self, state, event);
    }

    @Override
    public boolean stateEnter() {
        return stateEnter;
    }

    @Override
    public void terminate(ExitReason reason, S state) {
        log.add("terminate " + reason + " in " + state);
    }

    /** The caller of {@code event}, which must be a call. */
    static From from(Event<?> event) {
        return ((Event.Call<?>) event).from();
    }

    /** {@code "<state> <kind>:<content>"}, e.g. {@code "A cast:go"}, {@code "B enter:A"}. */
    static String describe(Object state, Event<?> event) {
        return state + " " + switch (event) {
            case Event.Call<?>(var request, var from) -> "call:" + request;
            case Event.Cast<?>(var message) -> "cast:" + message;
            case Event.Info<?>(var message) -> "info:" + message;
            case Event.Internal<?>(var content) -> "internal:" + content;
            case Event.StateTimeout<?>(var content) -> "state-timeout:" + content;
            case Event.EventTimeout<?>(var content) -> "event-timeout:" + content;
            case Event.GenericTimeout<?>(var name, var content) -> "timeout:" + name + ":" + content;
            case Event.Enter<?>(var previous) -> "enter:" + previous;
        };
    }
}
