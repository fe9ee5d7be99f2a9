package io.otpspring.core.statem;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.ProcessContext;

/**
 * Runs a {@link GenStateMachine} as a {@link GenServer}: calls, casts and other messages become
 * events, and every call is answered later, by a reply action or through its {@link From}, so the
 * runtime tells its caller if the machine exits first.
 */
final class StateMachineServer<S> implements GenServer {

    private final GenStateMachine<S> machine;
    private final TransitionListener<S> listener;
    private Engine<S> engine;

    StateMachineServer(GenStateMachine<S> machine, TransitionListener<S> listener) {
        this.machine = machine;
        this.listener = listener;
    }

    @Override
    public void init(ProcessContext self) throws Exception {
        engine = Engine.start(machine, listener, self);
    }

    @Override
    public Reply handleCall(Object request, From from) throws Exception {
        engine.handle(new Event.Call<>(request, new Caller(from, request)));
        return Reply.later();
    }

    @Override
    public void handleCast(Object message) throws Exception {
        engine.handle(new Event.Cast<>(message));
    }

    @Override
    public void handleInfo(Object message) throws Exception {
        if (message instanceof TimeoutMessage timeout) {
            engine.fire(timeout);
        }
        else {
            engine.handle(new Event.Info<>(message));
        }
    }

    @Override
    public void terminate(ExitReason reason) throws Exception {
        engine.terminate(reason);
    }
}
