package io.otpspring.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.otpspring.core.statem.StateChange;
import io.otpspring.core.statem.TransitionListener;
import org.jspecify.annotations.Nullable;

/**
 * Records a core state machine's transitions, for {@link OtpAssertions#assertThat(TransitionRecorder)}:
 * give it as the machine's listener ({@code GenStateMachine.start(node, machine, options, recorder)}).
 */
public final class TransitionRecorder<S> implements TransitionListener<S> {

    private final List<StateChange<S>> changes = new CopyOnWriteArrayList<>();

    @Override
    public void onTransition(StateChange<S> change) {
        changes.add(change);
    }

    /** Every change recorded, oldest first. */
    public List<StateChange<S>> changes() {
        return List.copyOf(changes);
    }

    /** The state the machine last entered, or {@code null} before it started. */
    public @Nullable S state() {
        return changes.isEmpty() ? null : changes.getLast().to();
    }
}
