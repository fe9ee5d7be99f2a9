package io.otpspring.spring.process;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ProcessRef;
import io.otpspring.core.statem.StateChange;
import io.otpspring.core.statem.TransitionListener;
import org.jspecify.annotations.Nullable;

/**
 * What other beans inject for a {@code @GenStateMachine} bean: calls, casts and messages to the
 * machine's current incarnation (resolved by name, so valid across restarts), and its audit trail:
 * the current state and the most recent transitions, as the machine reported them.
 *
 * @param <S> the machine's state type
 */
public final class StateMachineHandle<S> {

    /** How many transitions {@link #recentTransitions()} keeps. */
    public static final int RECENT = 50;

    private final String name;
    private final ProcessRef machine;
    private final Duration callTimeout;
    private final TransitionListener<S> listeners;
    private final ArrayDeque<StateChange<S>> recent = new ArrayDeque<>();

    StateMachineHandle(String name, ProcessRef machine, Duration callTimeout, TransitionListener<S> listeners) {
        this.name = name;
        this.machine = machine;
        this.callTimeout = callTimeout;
        this.listeners = listeners;
    }

    /** The machine's bean and process name. */
    public String name() {
        return name;
    }

    /** The machine, resolved by name each time it is used. */
    public ProcessRef ref() {
        return machine;
    }

    /** Calls the machine (an {@code Event.Call}) and waits up to {@code otp.call-timeout} for the reply. */
    public <T> T call(Object request) {
        return GenServer.call(machine, request, callTimeout);
    }

    /** Calls the machine and waits up to {@code timeout} for the reply. */
    public <T> T call(Object request, Duration timeout) {
        return GenServer.call(machine, request, timeout);
    }

    /** Casts to the machine (an {@code Event.Cast}). */
    public void cast(Object message) {
        GenServer.cast(machine, message);
    }

    /** Sends the machine a plain message (an {@code Event.Info}). */
    public void send(Object message) {
        machine.send(Objects.requireNonNull(message, "message"));
    }

    /** The state the current incarnation last reported, or {@code null} before it started. */
    public synchronized @Nullable S state() {
        StateChange<S> last = recent.peekLast();
        return last == null ? null : last.to();
    }

    /** The latest transitions, oldest first, at most {@link #RECENT}; a restart shows as a change with no {@code from}. */
    public synchronized List<StateChange<S>> recentTransitions() {
        return List.copyOf(recent);
    }

    /** Records a transition, then tells the application's listeners; on the machine's process. */
    void transitioned(StateChange<S> change) {
        synchronized (this) {
            if (recent.size() == RECENT) {
                recent.removeFirst();
            }
            recent.addLast(change);
        }
        listeners.onTransition(change);
    }

    @Override
    public String toString() {
        return "state machine '" + name + "'";
    }
}
