package io.otpspring.core.statem;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.DeadLetter;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessRef;
import io.otpspring.core.process.Probe;
import io.otpspring.core.process.StartException;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.core.supervision.SupervisorSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.otpspring.core.process.Probe.WAIT;
import static io.otpspring.core.process.Probe.eventually;
import static io.otpspring.core.statem.ScriptedMachine.describe;
import static io.otpspring.core.statem.ScriptedMachine.from;
import static io.otpspring.core.statem.ScriptedMachine.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Machines crashed on purpose, supervised restarts, and the errors that say what to do. */
class StateMachineFailureTest {

    private final Node node = Node.start("statem-failures");

    @AfterEach
    void close() {
        node.close();
    }

    /** A → B on the cast "go"; throws on anything called "crash"; postpones "wait" calls. */
    private static ScriptedMachine<String> crashable() {
        return ScriptedMachine.of("A", (self, state, event) -> switch (describe(state, event)) {
            case "A cast:go" -> Transition.next("B");
            case "A call:crash", "B call:crash", "A cast:crash", "B cast:crash" ->
                    throw new IllegalStateException("boom");
            case "A call:wait", "B call:wait" -> Transition.keep(Action.postpone());
            default -> Transition.keep();
        });
    }

    @Test
    void aCrashInAHandlerGivesTheCallerAnExitException() {
        Pid machine = GenStateMachine.start(node, crashable());

        assertThatThrownBy(() -> GenServer.call(machine, "crash"))
                .isInstanceOfSatisfying(ExitException.class, exit -> {
                    assertThat(exit.pid()).isEqualTo(machine);
                    assertThat(exit.reason()).isInstanceOf(ExitReason.Crash.class);
                    assertThat(exit.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("boom");
                });
        assertThat(machine.isAlive()).isFalse();
    }

    @Test
    void callersOfPostponedCallsGetTheExitWhenTheMachineCrashes() throws Exception {
        ScriptedMachine<String> script = crashable();
        Pid machine = GenStateMachine.start(node, script);
        try (ExecutorService caller = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Object> waiting = caller.submit(() -> GenServer.call(machine, "wait", WAIT));
            eventually().until(() -> script.log().contains("A call:wait"));

            GenServer.cast(machine, "crash");

            assertThatThrownBy(() -> waiting.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .hasCauseInstanceOf(ExitException.class)
                    .hasRootCauseMessage("boom");
        }
    }

    @Test
    void aSupervisedMachineThatCrashesIsRestartedInItsInitialState() {
        ScriptedMachine<String> script = crashable();
        Supervisor.start(node, SupervisorSpec.oneForOne(
                GenStateMachine.childSpec("machine", script::fresh).withName("machine")));
        ProcessRef ref = node.named("machine");
        Pid first = ref.resolve();
        GenServer.cast(ref, "go");
        assertThat(state(ref)).isEqualTo("B");

        assertThatThrownBy(() -> GenServer.call(ref, "crash")).isInstanceOf(ExitException.class);

        assertThat(state(ref)).isEqualTo("A");
        eventually().until(() -> !first.equals(ref.resolve()));
        assertThat(script.log()).contains("terminate crash: java.lang.IllegalStateException: boom in B");
    }

    @Test
    void aCrashInAnEnterCallCrashesTheMachine() {
        Pid machine = GenStateMachine.start(node, ScriptedMachine.of("A", (self, state, event) ->
                switch (describe(state, event)) {
                    case "A call:go" -> Transition.next("B");
                    case "B enter:A" -> throw new IllegalStateException("cannot enter B");
                    default -> Transition.keep();
                }).withEnterCalls());

        assertThatThrownBy(() -> GenServer.call(machine, "go"))
                .isInstanceOf(ExitException.class)
                .hasRootCauseMessage("cannot enter B");
    }

    @Test
    void eventsStillPostponedWhenTheMachineStopsBecomeDeadLetters() {
        Pid machine = GenStateMachine.start(node, ScriptedMachine.of("A", (self, state, event) ->
                switch (describe(state, event)) {
                    case "A cast:stop" -> Transition.stop(ExitReason.NORMAL);
                    default -> Transition.keep(Action.postpone());
                }));
        try (Probe.DeadLetterLog letters = Probe.deadLetters(node)) {
            GenServer.cast(machine, "later");
            GenServer.cast(machine, "stop");

            letters.awaitLetter(DeadLetter.Cause.UNHANDLED_AT_EXIT, new Event.Cast<String>("later"));
        }
    }

    /** Each row: what the machine returns for the call "bad" in A, and for the enter call of B; what the crash says. */
    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("a handler returns null", null, Transition.keep(),
                        "handleEvent returned null for Call[request=bad"),
                Arguments.of("an enter call changes the state", Transition.next("B"), Transition.next("C"),
                        "the enter call of state B returned next(C), but an enter call cannot change the state"),
                Arguments.of("an enter call postpones", Transition.next("B"), Transition.keep(Action.postpone()),
                        "the enter call of state B cannot postpone"),
                Arguments.of("an enter call inserts an event", Transition.next("B"),
                        Transition.keep(Action.nextEvent("x")), "the enter call of state B cannot insert events"),
                Arguments.of("an enter call repeats the state", Transition.next("B"), Transition.repeat(),
                        "returned repeat(), which would enter it again forever"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aMistakeInATransitionCrashesTheMachineWithAMessageThatSaysWhatToDo(String mistake,
            Transition<String> onCall, Transition<String> onEnteringB, String message) {
        Pid machine = GenStateMachine.start(node, ScriptedMachine.of("A", (self, state, event) ->
                switch (describe(state, event)) {
                    case "A call:bad" -> onCall;
                    case "B enter:A" -> onEnteringB;
                    default -> Transition.keep();
                }).withEnterCalls());

        assertThatThrownBy(() -> GenServer.call(machine, "bad"))
                .isInstanceOf(ExitException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining(message);
    }

    @Test
    void answeringACallTwiceCrashesTheMachineWithAClearMessage() {
        Pid machine = GenStateMachine.start(node, ScriptedMachine.of("A", (self, state, event) ->
                Transition.keep(Action.reply(from(event), 1), Action.reply(from(event), 2))));

        int reply = GenServer.call(machine, "twice");

        assertThat(reply).isEqualTo(1);
        assertThat(node.awaitExit(machine, WAIT)).isInstanceOfSatisfying(ExitReason.Crash.class,
                crash -> assertThat(crash.cause()).hasMessageContaining("the call twice was already answered"));
    }

    @Test
    void initCannotPostpone() {
        ScriptedMachine<String> postponing = ScriptedMachine.starting(Transition.next("A", Action.postpone()),
                (self, state, event) -> Transition.keep());

        assertThatThrownBy(() -> GenStateMachine.start(node, postponing))
                .isInstanceOf(StartException.class)
                .hasRootCauseMessage("init cannot postpone: there is no event yet (initial state A)");
    }

    @Test
    void badValuesAreRejectedWhereTheyAreMade() {
        assertThatThrownBy(() -> Transition.next(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("return Transition.keep()");
        assertThatThrownBy(() -> Action.stateTimeout(Duration.ofSeconds(-1), "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative").hasMessageContaining("cancelStateTimeout()");
        assertThatThrownBy(() -> Action.genericTimeout(" ", Duration.ofSeconds(1), "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Timeout.generic(\"reminder\")");
    }
}
