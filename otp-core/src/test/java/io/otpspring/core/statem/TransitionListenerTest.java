package io.otpspring.core.statem;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessRef;
import io.otpspring.core.process.SpawnOptions;
import io.otpspring.core.process.StartException;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.core.supervision.SupervisorSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.otpspring.core.process.Probe.eventually;
import static io.otpspring.core.statem.ScriptedMachine.describe;
import static io.otpspring.core.statem.ScriptedMachine.from;
import static io.otpspring.core.statem.ScriptedMachine.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Transition listeners: what they are told, when, and what a failing one does. */
class TransitionListenerTest {

    private final Node node = Node.start("statem-listeners");
    private final List<StateChange<String>> changes = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        node.close();
    }

    /** A → B on the call "go", B → C on the cast "on"; keeps the state on anything else. */
    private static ScriptedMachine<String> abc() {
        return ScriptedMachine.of("A", (self, state, event) -> switch (describe(state, event)) {
            case "A call:go" -> Transition.next("B", Action.reply(from(event), "went"));
            case "B cast:repeat" -> Transition.repeat();
            case "B cast:same" -> Transition.next("B");
            case "B cast:on" -> Transition.next("C");
            default -> Transition.keep();
        });
    }

    @Test
    void reportsTheInitialStateAndEveryStateChangeButNotKeepingTheState() {
        Instant before = Instant.now();
        Pid machine = GenStateMachine.start(node, abc().withEnterCalls(), SpawnOptions.defaults(), changes::add);

        GenServer.call(machine, "go");
        for (String cast : new String[] {"keep", "repeat", "same", "on"}) {
            GenServer.cast(machine, cast);
        }
        state(machine);
        Instant after = Instant.now();

        assertThat(changes).extracting(StateChange::from, StateChange::to)
                .containsExactly(tuple(null, "A"), tuple("A", "B"), tuple("B", "C"));
        assertThat(changes.get(0).isInitial()).isTrue();
        assertThat(changes.get(0).event()).isNull();
        assertThat(changes.get(1).event()).isInstanceOfSatisfying(Event.Call.class,
                call -> assertThat(call.request()).isEqualTo("go"));
        assertThat(changes.get(2).event()).isEqualTo(new Event.Cast<String>("on"));
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.machine()).isEqualTo(machine);
            assertThat(change.at()).isBetween(before, after);
        });
    }

    @Test
    void aCallerFindsTheStateChangeItCausedReportedWhenItsCallReturns() {
        Pid machine = GenStateMachine.start(node, abc(), SpawnOptions.defaults(), changes::add);

        GenServer.call(machine, "go");

        assertThat(changes).extracting(StateChange::to).containsExactly("A", "B");
    }

    @Test
    void listenersCompose() {
        List<String> log = new CopyOnWriteArrayList<>();
        TransitionListener<String> audit = change -> log.add("audit " + change.to());
        TransitionListener<String> metrics = change -> log.add("metrics " + change.to());
        Pid machine = GenStateMachine.start(node, abc(), SpawnOptions.defaults(), audit.andThen(metrics));

        GenServer.call(machine, "go");

        assertThat(log).containsExactly("audit A", "metrics A", "audit B", "metrics B");
    }

    @Test
    void aThrowingListenerCrashesTheMachineAndItsSupervisorRestartsItInItsInitialState() {
        TransitionListener<String> failingOnB = change -> {
            if (change.to().equals("B")) {
                throw new IllegalStateException("audit store down");
            }
            changes.add(change);
        };
        ScriptedMachine<String> machine = abc();
        Supervisor.start(node, SupervisorSpec.oneForOne(
                GenStateMachine.childSpec("machine", machine::fresh, failingOnB).withName("machine")));
        ProcessRef ref = node.named("machine");
        Pid first = ref.resolve();

        assertThatThrownBy(() -> GenServer.call(ref, "go"))
                .isInstanceOfSatisfying(ExitException.class, exit -> assertThat(exit.getCause())
                        .isInstanceOf(IllegalStateException.class).hasMessage("audit store down"));

        assertThat(state(ref)).isEqualTo("A");
        eventually().until(() -> !first.equals(ref.resolve()));
        assertThat(changes).extracting(StateChange::machine, StateChange::from, StateChange::to)
                .containsExactly(tuple(first, null, "A"), tuple(ref.resolve(), null, "A"));
    }

    @Test
    void aListenerThatThrowsOnTheInitialStateFailsTheStart() {
        TransitionListener<String> failing = change -> {
            throw new IllegalStateException("audit store down");
        };

        assertThatThrownBy(() -> GenStateMachine.start(node, abc(), SpawnOptions.defaults(), failing))
                .isInstanceOf(StartException.class)
                .hasRootCauseMessage("audit store down");
    }
}
