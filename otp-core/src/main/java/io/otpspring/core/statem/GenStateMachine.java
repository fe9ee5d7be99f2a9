package io.otpspring.core.statem;

import java.util.Objects;
import java.util.function.Supplier;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.process.SpawnOptions;
import io.otpspring.core.process.StartException;
import io.otpspring.core.supervision.ChildSpec;

/**
 * A state machine process, as Erlang's {@code gen_statem} in {@code handle_event_function} mode.
 * The state is a value (an enum, a sealed record hierarchy); the machine's other data lives in its
 * fields, touched only by its process. Each {@link Event} goes to {@link #handleEvent}, written as
 * an exhaustive {@code switch}, which returns a {@link Transition}. Clients use
 * {@link GenServer#call}, {@link GenServer#cast} and plain sends, exactly as with a server; a
 * restart builds a fresh instance in its initial state.
 *
 * <pre>{@code
 * enum Door { LOCKED, OPEN }
 *
 * final class DoorMachine implements GenStateMachine<Door> {
 *     public Transition.Next<Door> init(ProcessContext self) { return Transition.next(Door.LOCKED); }
 *     public Transition<Door> handleEvent(Door door, Event<Door> event) {
 *         return switch (event) {
 *             case Event.Call<Door>(var code, var from) when door == Door.LOCKED && code.equals("1234") ->
 *                 Transition.next(Door.OPEN, Action.reply(from, "open"),
 *                         Action.stateTimeout(Duration.ofSeconds(10), "lock"));
 *             case Event.Call<Door>(var request, var from) -> Transition.keep(Action.reply(from, door));
 *             case Event.StateTimeout<Door> timeout -> Transition.next(Door.LOCKED);
 *             default -> Transition.keep();
 *         };
 *     }
 * }
 * Pid door = GenStateMachine.start(node, new DoorMachine());
 * String reply = GenServer.call(door, "1234");             // "open"; locked again 10 s later
 * }</pre>
 *
 * <p>The rules are {@code gen_statem}'s: postponed events are handled again, in their original
 * order, after the next state change (after the events that transition inserted, before anything
 * else); inserted events are handled before any queued message; the state timeout is cancelled by
 * a state change, the event timeout by any event, generic timeouts only by firing, restarting or
 * cancelling; a timer message still queued after its timer was cancelled or restarted never fires.
 * A handler (or listener) that throws crashes the machine: the caller being served, and callers
 * whose calls were postponed or not yet answered, get an {@code ExitException}.
 *
 * @param <S> the state type; states are compared with {@code equals}
 */
public interface GenStateMachine<S> {

    /**
     * Returns the initial state, with actions (timeouts, inserted events) to run on entering it.
     * Runs, with the initial enter call and the events it inserts, before {@code start} returns;
     * a thrown exception (or {@code self.stop(reason)}) fails the start.
     */
    Transition.Next<S> init(ProcessContext self) throws Exception;

    /** Handles one event in {@code state}; a thrown exception crashes the machine. */
    Transition<S> handleEvent(S state, Event<S> event) throws Exception;

    /**
     * Whether {@link Event.Enter} is delivered after every state change, for the initial state and
     * after a {@link Transition#repeat} ({@code gen_statem}'s {@code state_enter} callback mode).
     * Off by default.
     */
    default boolean stateEnter() {
        return false;
    }

    /**
     * Runs when the machine stops (asked to, by a stop transition, or after a crash), in the state it
     * was in; not run when it is killed. Events still postponed then become dead letters.
     */
    default void terminate(ExitReason reason, S state) throws Exception {
    }

    /** Starts {@code machine} as an anonymous process; returns once it is in its initial state. */
    static <S> Pid start(Node node, GenStateMachine<S> machine) {
        return start(node, machine, SpawnOptions.defaults());
    }

    /** Starts {@code machine} with spawn options (a name, a mailbox shape, a supervisor). */
    static <S> Pid start(Node node, GenStateMachine<S> machine, SpawnOptions options) {
        return start(node, machine, options, change -> { });
    }

    /**
     * Starts {@code machine}, reporting its initial state and every state change to {@code listener}.
     *
     * @throws StartException when {@code init}, the initial enter call or the listener fails
     */
    static <S> Pid start(Node node, GenStateMachine<S> machine, SpawnOptions options, TransitionListener<S> listener) {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(listener, "listener");
        return GenServer.start(node, new StateMachineServer<>(machine, listener), options);
    }

    /** A permanent worker for a supervisor: every incarnation is a fresh machine from {@code factory}. */
    static <S> ChildSpec childSpec(String id, Supplier<? extends GenStateMachine<S>> factory) {
        return childSpec(id, factory, change -> { });
    }

    /**
     * A permanent worker for a supervisor, reporting to {@code listener}: each incarnation reports
     * its initial state, so a restart shows in the trail as a change with no {@code from}.
     */
    static <S> ChildSpec childSpec(String id, Supplier<? extends GenStateMachine<S>> factory,
            TransitionListener<S> listener) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(listener, "listener");
        return ChildSpec.of(id, (node, options) -> start(node, factory.get(), options, listener));
    }
}
