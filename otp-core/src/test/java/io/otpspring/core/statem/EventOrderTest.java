package io.otpspring.core.statem;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.otpspring.core.process.Probe.WAIT;
import static io.otpspring.core.process.Probe.eventually;
import static io.otpspring.core.statem.ScriptedMachine.describe;
import static io.otpspring.core.statem.ScriptedMachine.from;
import static io.otpspring.core.statem.ScriptedMachine.state;
import static org.assertj.core.api.Assertions.assertThat;

/** The order events are handled in: postponed events, inserted events and the mailbox. */
class EventOrderTest {

    private final Node node = Node.start("statem-order");

    @AfterEach
    void close() {
        node.close();
    }

    /** In "closed" it postpones every cast but "open"; in "open" it handles everything. */
    private static ScriptedMachine<String> door() {
        return ScriptedMachine.of("closed", (self, state, event) -> switch (describe(state, event)) {
            case "closed cast:open" -> Transition.next("open");
            case "open cast:close" -> Transition.next("closed");
            case "closed cast:keep" -> Transition.keep();
            case "closed cast:repeat" -> Transition.repeat();
            case "closed cast:same" -> Transition.next("closed");
            default -> state.equals("closed") ? Transition.keep(Action.postpone()) : Transition.keep();
        });
    }

    @Test
    void postponedEventsAreHandledAgainInTheirOriginalOrderAfterTheStateChanges() {
        ScriptedMachine<String> door = door();
        Pid machine = GenStateMachine.start(node, door);

        for (String cast : new String[] {"1", "2", "3", "open", "4"}) {
            GenServer.cast(machine, cast);
        }
        state(machine);

        assertThat(door.log()).containsExactly(
                "closed cast:1", "closed cast:2", "closed cast:3", "closed cast:open",
                "open cast:1", "open cast:2", "open cast:3", "open cast:4");
    }

    @Test
    void keepRepeatAndNextToAnEqualStateDoNotRetryPostponedEvents() {
        ScriptedMachine<String> door = door();
        Pid machine = GenStateMachine.start(node, door);

        for (String cast : new String[] {"1", "keep", "repeat", "same", "open"}) {
            GenServer.cast(machine, cast);
        }
        state(machine);

        assertThat(door.log()).containsExactly(
                "closed cast:1", "closed cast:keep", "closed cast:repeat", "closed cast:same", "closed cast:open",
                "open cast:1");
    }

    @Test
    void anEventPostponedAgainWaitsForTheNextStateChange() {
        ScriptedMachine<String> script = ScriptedMachine.of("A", (self, state, event) ->
                switch (describe(state, event)) {
                    case "A cast:toB" -> Transition.next("B");
                    case "B cast:toC" -> Transition.next("C");
                    case "A cast:x", "A cast:y", "B cast:x" -> Transition.keep(Action.postpone());
                    default -> Transition.keep();
                });
        Pid machine = GenStateMachine.start(node, script);

        for (String cast : new String[] {"x", "y", "toB", "toC"}) {
            GenServer.cast(machine, cast);
        }
        state(machine);

        assertThat(script.log()).containsExactly(
                "A cast:x", "A cast:y", "A cast:toB",
                "B cast:x", "B cast:y", "B cast:toC",
                "C cast:x");
    }

    @Test
    void theCurrentEventPostponedByAStateChangeIsHandledAgainAtOnce() {
        ScriptedMachine<String> script = ScriptedMachine.of("A", (self, state, event) ->
                switch (describe(state, event)) {
                    case "A cast:x" -> Transition.next("B", Action.postpone());
                    default -> Transition.keep();
                });
        Pid machine = GenStateMachine.start(node, script);

        GenServer.cast(machine, "x");
        state(machine);

        assertThat(script.log()).containsExactly("A cast:x", "B cast:x");
    }

    @Test
    void insertedEventsComeInOrderBeforeMessagesAlreadyQueued() {
        ScriptedMachine<String> script = ScriptedMachine.of("A", (self, state, event) ->
                switch (describe(state, event)) {
                    case "A cast:burst" -> {
                        self.self().send("queued");
                        yield Transition.keep(Action.nextEvent("i1"), Action.nextEvent("i2"));
                    }
                    case "A internal:i1" -> Transition.keep(Action.nextEvent("i1.1"));
                    default -> Transition.keep();
                });
        Pid machine = GenStateMachine.start(node, script);

        GenServer.cast(machine, "burst");
        eventually().until(() -> script.log().contains("A info:queued"));

        assertThat(script.log()).containsExactly(
                "A cast:burst", "A internal:i1", "A internal:i1.1", "A internal:i2", "A info:queued");
    }

    @Test
    void eventsInsertedByAStateChangeComeBeforeThePostponedOnes() {
        ScriptedMachine<String> script = ScriptedMachine.of("A", (self, state, event) ->
                switch (describe(state, event)) {
                    case "A cast:p" -> Transition.keep(Action.postpone());
                    case "A cast:go" -> Transition.next("B", Action.nextEvent("inserted"));
                    default -> Transition.keep();
                });
        Pid machine = GenStateMachine.start(node, script);

        GenServer.cast(machine, "p");
        GenServer.cast(machine, "go");
        state(machine);

        assertThat(script.log()).containsExactly("A cast:p", "A cast:go", "B internal:inserted", "B cast:p");
    }

    @Test
    void aPostponedCallerWaitsAndIsAnsweredInTheNextState() throws Exception {
        ScriptedMachine<String> script = ScriptedMachine.of("A", (self, state, event) ->
                switch (describe(state, event)) {
                    case "A call:ask" -> Transition.keep(Action.postpone());
                    case "B call:ask" -> Transition.keep(Action.reply(from(event), "answered in B"));
                    case "A cast:go" -> Transition.next("B");
                    default -> Transition.keep();
                });
        Pid machine = GenStateMachine.start(node, script);
        try (ExecutorService caller = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Object> call = caller.submit(() -> GenServer.call(machine, "ask", WAIT));
            eventually().until(() -> script.log().contains("A call:ask"));

            GenServer.cast(machine, "go");

            assertThat(call.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("answered in B");
        }
    }
}
