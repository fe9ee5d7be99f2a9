package io.otpspring.spring.process;

import java.util.function.Consumer;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.statem.Event;
import io.otpspring.core.statem.GenStateMachine;
import io.otpspring.core.statem.Transition;

/** A state machine bean run as is, whose bean instance is destroyed when it stops or fails to start. */
final class DestroyedOnStop<S> implements GenStateMachine<S> {

    private final GenStateMachine<S> machine;
    private final Consumer<Object> destroy;

    DestroyedOnStop(GenStateMachine<S> machine, Consumer<Object> destroy) {
        this.machine = machine;
        this.destroy = destroy;
    }

    @Override
    public Transition.Next<S> init(ProcessContext self) throws Exception {
        try {
            return machine.init(self);
        }
        catch (Exception | Error failure) {
            destroy.accept(machine);
            throw failure;
        }
    }

    @Override
    public Transition<S> handleEvent(S state, Event<S> event) throws Exception {
        return machine.handleEvent(state, event);
    }

    @Override
    public boolean stateEnter() {
        return machine.stateEnter();
    }

    @Override
    public void terminate(ExitReason reason, S state) throws Exception {
        try {
            machine.terminate(reason, state);
        }
        finally {
            destroy.accept(machine);
        }
    }
}
