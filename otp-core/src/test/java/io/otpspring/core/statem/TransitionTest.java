package io.otpspring.core.statem;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.process.StartException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.otpspring.core.process.Probe.WAIT;
import static io.otpspring.core.process.Probe.eventually;
import static io.otpspring.core.statem.ScriptedMachine.describe;
import static io.otpspring.core.statem.ScriptedMachine.from;
import static io.otpspring.core.statem.ScriptedMachine.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Next, keep, repeat and stop; replies now and later; enter calls; what runs at start. */
class TransitionTest {

    private final Node node = Node.start("statem-transitions");

    @AfterEach
    void close() {
        node.close();
    }

    @Test
    void nextChangesTheStateAndRepliesToTheCaller() {
        Pid machine = GenStateMachine.start(node, ScriptedMachine.of("A", (self, state, event) ->
                switch (describe(state, event)) {
                    case "A call:go" -> Transition.next("B", Action.reply(from(event), "went"));
                    default -> Transition.keep();
                }));

        String reply = GenServer.call(machine, "go");

        assertThat(reply).isEqualTo("went");
        assertThat(state(machine)).isEqualTo("B");
    }

    @Test
    void aCallKeptUnansweredIsAnsweredByALaterTransition() throws Exception {
        AtomicReference<From> waiting = new AtomicReference<>();
        Pid machine = GenStateMachine.start(node, ScriptedMachine.of("A", (self, state, event) ->
                switch (describe(state, event)) {
                    case "A call:wait" -> {
                        waiting.set(from(event));
                        yield Transition.keep();
                    }
                    case "A cast:answer" -> Transition.keep(Action.reply(waiting.get(), 42));
                    default -> Transition.keep();
                }));
        try (ExecutorService caller = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Object> call = caller.submit(() -> GenServer.call(machine, "wait", WAIT));
            eventually().until(() -> waiting.get() != null);

            GenServer.cast(machine, "answer");

            assertThat(call.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(42);
        }
    }

    @Test
    void stopRepliesThenStopsAndTerminateRunsInTheCurrentState() {
        ScriptedMachine<String> script = ScriptedMachine.of("A", (self, state, event) ->
                Transition.stop(ExitReason.NORMAL, Action.reply(from(event), "bye")));
        Pid machine = GenStateMachine.start(node, script);

        String reply = GenServer.call(machine, "stop");

        assertThat(reply).isEqualTo("bye");
        assertThat(node.awaitExit(machine, WAIT)).isEqualTo(ExitReason.NORMAL);
        assertThat(script.log()).containsExactly("A call:stop", "terminate normal in A");
    }

    @Test
    void stopWithoutAReplyGivesTheCallerTheReason() {
        Pid machine = GenStateMachine.start(node, ScriptedMachine.of("A", (self, state, event) ->
                Transition.stop(ExitReason.other("enough"))));

        assertThatThrownBy(() -> GenServer.call(machine, "stop"))
                .isInstanceOfSatisfying(ExitException.class,
                        exit -> assertThat(exit.reason()).isEqualTo(ExitReason.other("enough")));
    }

    @Test
    void enterCallsRunForTheInitialStateAndAfterEveryStateChangeOrRepeat() {
        ScriptedMachine<String> script = ScriptedMachine.of("A", (self, state, event) ->
                switch (describe(state, event)) {
                    case "A cast:go", "B cast:same" -> Transition.next("B");
                    case "B cast:repeat" -> Transition.repeat();
                    default -> Transition.keep();
                }).withEnterCalls();
        Pid machine = GenStateMachine.start(node, script);

        for (String cast : new String[] {"go", "keep", "same", "repeat"}) {
            GenServer.cast(machine, cast);
        }
        state(machine);

        assertThat(script.log()).containsExactly(
                "A enter:A",
                "A cast:go", "B enter:A",
                "B cast:keep",
                "B cast:same",
                "B cast:repeat", "B enter:B");
    }

    @Test
    void anEnterCallMayReplyToACallerAndSetTheStateTimeout() {
        AtomicReference<From> caller = new AtomicReference<>();
        Pid machine = GenStateMachine.start(node, ScriptedMachine.of("A", (self, state, event) ->
                switch (describe(state, event)) {
                    case "A call:go" -> {
                        caller.set(from(event));
                        yield Transition.next("B");
                    }
                    case "B enter:A" -> Transition.keep(Action.reply(caller.get(), "entered B"),
                            Action.stateTimeout(Duration.ofHours(1), "late"));
                    default -> Transition.keep();
                }).withEnterCalls());

        String reply = GenServer.call(machine, "go");

        assertThat(reply).isEqualTo("entered B");
    }

    @Test
    void anEnterCallMayStopTheMachine() {
        Pid machine = GenStateMachine.start(node, ScriptedMachine.of("A", (self, state, event) ->
                switch (describe(state, event)) {
                    case "A call:go" -> Transition.next("B");
                    case "B enter:A" -> Transition.stop(ExitReason.other("B is final"));
                    default -> Transition.keep();
                }).withEnterCalls());

        assertThatThrownBy(() -> GenServer.call(machine, "go"))
                .isInstanceOfSatisfying(ExitException.class,
                        exit -> assertThat(exit.reason()).isEqualTo(ExitReason.other("B is final")));
    }

    @Test
    void initActionsTheInitialEnterCallAndTheEventsTheyInsertRunBeforeStartReturns() {
        ScriptedMachine<String> script = ScriptedMachine.starting(
                Transition.next("A", Action.nextEvent("boot")),
                (self, state, event) -> switch (describe(state, event)) {
                    case "A internal:boot" -> Transition.next("B");
                    default -> Transition.keep();
                }).withEnterCalls();

        GenStateMachine.start(node, script);

        assertThat(script.log()).containsExactly("A enter:A", "A internal:boot", "B enter:A");
    }

    @Test
    void aFailingInitFailsTheStart() {
        GenStateMachine<String> failing = new GenStateMachine<>() {
            @Override
            public Transition.Next<String> init(ProcessContext self) {
                throw new IllegalStateException("no initial state");
            }

            @Override
            public Transition<String> handleEvent(String state, Event<String> event) {
                return Transition.keep();
            }
        };

        assertThatThrownBy(() -> GenStateMachine.start(node, failing))
                .isInstanceOf(StartException.class)
                .hasRootCauseMessage("no initial state");
    }
}
