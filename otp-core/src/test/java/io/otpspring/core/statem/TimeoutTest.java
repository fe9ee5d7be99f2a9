package io.otpspring.core.statem;

import java.time.Duration;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.Probe;
import io.otpspring.core.process.VirtualTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.otpspring.core.process.Probe.WAIT;
import static io.otpspring.core.process.Probe.eventually;
import static io.otpspring.core.statem.ScriptedMachine.describe;
import static io.otpspring.core.statem.ScriptedMachine.from;
import static io.otpspring.core.statem.ScriptedMachine.state;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * State, event and generic timeouts on virtual time ({@link VirtualTime}): a timer fires only
 * when the test advances the clock, and its message is then queued before the test's next call,
 * so "it fired" and "it never fired" are both exact. A stale timer message (queued before its
 * timer was cancelled or restarted) is made by blocking the machine while the clock advances.
 */
class TimeoutTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    private final VirtualTime time = new VirtualTime();
    private final Node node = Node.start("statem-timeouts", time);
    private final Probe.Gate gate = new Probe.Gate();

    @AfterEach
    void close() {
        gate.open();
        node.close();
    }

    /** Starts in A with a 10 s state timeout "t"; the timeout moves it to "timed out". */
    private static ScriptedMachine<String> withStateTimeout(ScriptedMachine.Script<String> otherwise) {
        return ScriptedMachine.starting(Transition.next("A", Action.stateTimeout(TEN_SECONDS, "t")),
                (self, state, event) -> event instanceof Event.StateTimeout<String>
                        ? Transition.next("timed out")
                        : otherwise.handle(self, state, event));
    }

    @Test
    void theStateTimeoutFiresWhenTheStateLastsAndSurvivesKeep() {
        Pid machine = GenStateMachine.start(node, withStateTimeout((self, state, event) -> Transition.keep()));

        GenServer.cast(machine, "stay");
        assertThat(time.advance(Duration.ofSeconds(9))).isZero();
        assertThat(state(machine)).isEqualTo("A");

        assertThat(time.advance(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(state(machine)).isEqualTo("timed out");
    }

    @Test
    void aStateChangeCancelsTheStateTimeoutAndMayStartOneForTheNewState() {
        ScriptedMachine<String> script = withStateTimeout((self, state, event) -> switch (describe(state, event)) {
            case "A cast:go" -> Transition.next("B", Action.stateTimeout(TEN_SECONDS, "b"));
            case "B cast:go" -> Transition.next("C");
            default -> Transition.keep();
        });
        Pid machine = GenStateMachine.start(node, script);

        GenServer.cast(machine, "go");
        assertThat(state(machine)).isEqualTo("B");
        assertThat(time.advance(TEN_SECONDS)).as("only B's timeout was due").isEqualTo(1);
        assertThat(state(machine)).isEqualTo("timed out");
        assertThat(script.log()).containsExactly("A cast:go", "B state-timeout:b");

        Pid other = GenStateMachine.start(node, script.fresh());
        GenServer.cast(other, "go");
        GenServer.cast(other, "go");
        assertThat(state(other)).isEqualTo("C");
        assertThat(time.pending()).isZero();
    }

    @Test
    void settingTheStateTimeoutAgainRestartsItAndCancellingStopsIt() {
        ScriptedMachine<String> script = withStateTimeout((self, state, event) -> switch (describe(state, event)) {
            case "A call:again" -> Transition.keep(Action.reply(from(event), "ok"),
                    Action.stateTimeout(TEN_SECONDS, "second"));
            case "A call:cancel" -> Transition.keep(Action.reply(from(event), "ok"), Action.cancelStateTimeout());
            default -> Transition.keep();
        });
        Pid machine = GenStateMachine.start(node, script);

        time.advance(FIVE_SECONDS);
        GenServer.call(machine, "again");
        assertThat(time.advance(FIVE_SECONDS)).as("the first one was cancelled").isZero();
        assertThat(time.advance(FIVE_SECONDS)).isEqualTo(1);
        assertThat(state(machine)).isEqualTo("timed out");

        Pid other = GenStateMachine.start(node, script.fresh());
        GenServer.call(other, "cancel");
        assertThat(time.advance(Duration.ofHours(1))).isZero();
        assertThat(state(other)).isEqualTo("A");
    }

    @Test
    void aStateTimeoutAlreadyQueuedWhenTheStateChangesNeverFires() {
        ScriptedMachine<String> script = withStateTimeout((self, state, event) -> {
            gate.pass();
            return Transition.next("B");
        });
        Pid machine = GenStateMachine.start(node, script);
        GenServer.cast(machine, "block");
        gate.awaitEntered();

        assertThat(time.advance(TEN_SECONDS)).isEqualTo(1);
        assertThat(node.mailboxSize(machine)).as("the timer's message waits behind the blocked handler").isEqualTo(1);
        gate.open();

        assertThat(state(machine)).isEqualTo("B");
        assertThat(script.log()).containsExactly("A cast:block");
    }

    @Test
    void theEventTimeoutFiresWhenNoEventComes() {
        Pid machine = GenStateMachine.start(node, ScriptedMachine.of("A", (self, state, event) ->
                switch (describe(state, event)) {
                    case "A call:arm" -> Transition.keep(Action.reply(from(event), "armed"),
                            Action.eventTimeout(FIVE_SECONDS, "idle"));
                    case "A event-timeout:idle" -> Transition.next("idle");
                    default -> Transition.keep();
                }));

        GenServer.call(machine, "arm");

        assertThat(time.advance(FIVE_SECONDS)).isEqualTo(1);
        assertThat(state(machine)).isEqualTo("idle");
    }

    @Test
    void anyEventCancelsTheEventTimeout() {
        ScriptedMachine<String> script = ScriptedMachine.of("A", (self, state, event) ->
                describe(state, event).equals("A call:arm")
                        ? Transition.keep(Action.reply(from(event), "armed"), Action.eventTimeout(FIVE_SECONDS, "idle"))
                        : Transition.keep());
        Pid machine = GenStateMachine.start(node, script);

        GenServer.call(machine, "arm");
        GenServer.cast(machine, "a cast");
        eventually().until(() -> script.log().contains("A cast:a cast"));
        assertThat(time.pending()).isZero();

        GenServer.call(machine, "arm");
        machine.send("a message");
        eventually().until(() -> script.log().contains("A info:a message"));
        assertThat(time.pending()).isZero();
        assertThat(time.advance(Duration.ofHours(1))).isZero();
    }

    @Test
    void anEventTimeoutIsNotStartedWhenAnInsertedOrRetriedEventIsDue() {
        Pid machine = GenStateMachine.start(node, ScriptedMachine.of("A", (self, state, event) ->
                switch (describe(state, event)) {
                    case "A call:insert" -> Transition.keep(Action.reply(from(event), "ok"),
                            Action.eventTimeout(FIVE_SECONDS, "idle"), Action.nextEvent("inserted"));
                    case "A cast:later" -> Transition.keep(Action.postpone());
                    case "A call:go" -> Transition.next("B", Action.reply(from(event), "ok"),
                            Action.eventTimeout(FIVE_SECONDS, "idle"));
                    default -> Transition.keep();
                }));

        GenServer.call(machine, "insert");
        assertThat(time.pending()).isZero();

        GenServer.cast(machine, "later");
        GenServer.call(machine, "go");
        assertThat(time.pending()).isZero();
    }

    @Test
    void anEventTimeoutAlreadyQueuedWhenAnotherEventComesFirstNeverFires() {
        From slowCaller = value -> gate.pass();
        ScriptedMachine<String> script = ScriptedMachine.of("A", (self, state, event) ->
                describe(state, event).equals("A cast:arm")
                        ? Transition.keep(Action.reply(slowCaller, "armed"), Action.eventTimeout(FIVE_SECONDS, "idle"))
                        : Transition.keep());
        Pid machine = GenStateMachine.start(node, script);
        GenServer.cast(machine, "arm");
        gate.awaitEntered();

        GenServer.cast(machine, "other");
        assertThat(time.advance(FIVE_SECONDS)).as("fired, its message queued behind 'other'").isEqualTo(1);
        gate.open();

        assertThat(state(machine)).isEqualTo("A");
        assertThat(script.log()).containsExactly("A cast:arm", "A cast:other");
    }

    @Test
    void genericTimeoutsSurviveStateChangesAndFireByName() {
        ScriptedMachine<String> script = ScriptedMachine.of("A", (self, state, event) ->
                switch (describe(state, event)) {
                    case "A call:arm" -> Transition.keep(Action.reply(from(event), "armed"),
                            Action.genericTimeout("a", TEN_SECONDS, "x"),
                            Action.genericTimeout("b", Duration.ofSeconds(20), "y"));
                    case "A cast:go" -> Transition.next("B");
                    default -> Transition.keep();
                });
        Pid machine = GenStateMachine.start(node, script);
        GenServer.call(machine, "arm");
        GenServer.cast(machine, "go");
        assertThat(state(machine)).isEqualTo("B");

        assertThat(time.advance(TEN_SECONDS)).isEqualTo(1);
        state(machine);
        assertThat(time.advance(TEN_SECONDS)).isEqualTo(1);
        state(machine);

        assertThat(script.log()).containsExactly("A call:arm", "A cast:go", "B timeout:a:x", "B timeout:b:y");
    }

    @Test
    void restartingAGenericTimeoutReplacesItEvenWhenItsMessageIsAlreadyQueued() {
        ScriptedMachine<String> script = ScriptedMachine.of("A", (self, state, event) ->
                switch (describe(state, event)) {
                    case "A call:arm" -> Transition.keep(Action.reply(from(event), "armed"),
                            Action.genericTimeout("a", TEN_SECONDS, "first"));
                    case "A cast:block" -> {
                        gate.pass();
                        yield Transition.keep(Action.genericTimeout("a", TEN_SECONDS, "second"));
                    }
                    default -> Transition.keep();
                });
        Pid machine = GenStateMachine.start(node, script);
        GenServer.call(machine, "arm");
        GenServer.cast(machine, "block");
        gate.awaitEntered();

        assertThat(time.advance(TEN_SECONDS)).as("'first' fired while the machine was busy").isEqualTo(1);
        gate.open();
        state(machine);
        assertThat(time.advance(TEN_SECONDS)).isEqualTo(1);
        state(machine);

        assertThat(script.log()).containsExactly("A call:arm", "A cast:block", "A timeout:a:second");
    }

    @Test
    void cancellingAGenericTimeoutStopsOnlyThatOne() {
        Pid machine = GenStateMachine.start(node, ScriptedMachine.of("A", (self, state, event) ->
                switch (describe(state, event)) {
                    case "A call:arm" -> Transition.keep(Action.reply(from(event), "armed"),
                            Action.genericTimeout("a", TEN_SECONDS, "x"), Action.genericTimeout("b", TEN_SECONDS, "y"));
                    case "A call:cancel" -> Transition.keep(Action.reply(from(event), "ok"),
                            Action.cancelGenericTimeout("a"));
                    case "A timeout:b:y" -> Transition.next("B");
                    default -> Transition.keep();
                }));

        GenServer.call(machine, "arm");
        GenServer.call(machine, "cancel");

        assertThat(time.advance(TEN_SECONDS)).isEqualTo(1);
        assertThat(state(machine)).isEqualTo("B");
    }

    @Test
    void timersStopWithTheMachine() {
        Pid machine = GenStateMachine.start(node, ScriptedMachine.starting(
                Transition.next("A", Action.genericTimeout("a", TEN_SECONDS, "x"),
                        Action.stateTimeout(TEN_SECONDS, "t")),
                (self, state, event) -> Transition.keep()));
        assertThat(time.pending()).isEqualTo(2);

        node.stop(machine, ExitReason.SHUTDOWN, WAIT);

        assertThat(time.pending()).isZero();
    }
}
