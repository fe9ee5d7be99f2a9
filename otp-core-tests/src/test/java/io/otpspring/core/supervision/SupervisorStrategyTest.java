package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.test.Faults;
import io.otpspring.test.OtpTestKit;
import io.otpspring.test.SupervisorAssert;
import io.otpspring.test.junit.OtpTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.otpspring.core.supervision.Restart.PERMANENT;
import static io.otpspring.core.supervision.Restart.TEMPORARY;
import static io.otpspring.core.supervision.Restart.TRANSIENT;
import static io.otpspring.test.OtpAssertions.assertThat;
import static io.otpspring.test.OtpAssertions.assertThatSupervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Restart strategies carried out on real GenServer children. Once the supervisor reports a restart
 * it has carried it out: the lifecycle events it caused are all logged by then.
 */
@OtpTest
class SupervisorStrategyTest {

    private final Events events = new Events();

    /** How the child {@code b} is made to exit (a crash from its handler, so that its terminate runs). */
    enum HowItExits {
        NORMAL, SHUTDOWN, CRASH, KILL;

        void apply(Faults faults, Pid child) {
            switch (this) {
                case NORMAL -> GenServer.cast(child, new RecordingServer.StopWith(ExitReason.NORMAL));
                case SHUTDOWN -> GenServer.cast(child, new RecordingServer.StopWith(ExitReason.SHUTDOWN));
                case CRASH -> GenServer.cast(child, new RecordingServer.Crash());
                case KILL -> faults.kill(child);
            }
        }

        /** Whether a child of restart type {@code restart} is restarted after exiting this way. */
        boolean restarts(Restart restart) {
            return restart == PERMANENT || restart == TRANSIENT && (this == CRASH || this == KILL);
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (Strategy strategy : Strategy.values()) {
            for (Restart restart : Restart.values()) {
                for (HowItExits exit : HowItExits.values()) {
                    rows.add(Arguments.of(strategy, restart, exit));
                }
            }
        }
        return rows.stream();
    }

    /**
     * What the supervisor does after b exits: the lifecycle events that follow, the children that
     * get a new incarnation, and the children it still has.
     */
    record Outcome(List<String> events, List<String> restarted, List<String> ids) {

        static Outcome of(Strategy strategy, Restart restart, HowItExits exit) {
            List<String> events = new ArrayList<>(exit == HowItExits.KILL ? List.of() : List.of("terminate:b"));
            if (!exit.restarts(restart)) {
                return new Outcome(events, List.of(),
                        restart == TEMPORARY ? List.of("a", "c", "d") : List.of("a", "b", "c", "d"));
            }
            return switch (strategy) {
                // nothing depends on b, so it restarts alone under DEPENDENTS_FOR_ONE
                case ONE_FOR_ONE, DEPENDENTS_FOR_ONE -> {
                    events.add("init:b");
                    yield new Outcome(events, List.of("b"), List.of("a", "b", "c", "d"));
                }
                case ONE_FOR_ALL -> {
                    events.addAll(List.of("terminate:d", "terminate:c", "terminate:a", "init:a", "init:b", "init:d"));
                    yield new Outcome(events, List.of("a", "b", "d"), List.of("a", "b", "d"));
                }
                case REST_FOR_ONE -> {
                    events.addAll(List.of("terminate:d", "terminate:c", "init:b", "init:d"));
                    yield new Outcome(events, List.of("b", "d"), List.of("a", "b", "d"));
                }
            };
        }
    }

    /**
     * Children a (permanent), b (the one that exits), c (temporary), d (transient): when b is
     * restarted, one_for_all stops d, c, a and starts a, b, d; rest_for_one stops d, c and starts
     * b, d; the temporary c is removed, not restarted.
     */
    @ParameterizedTest(name = "{0}: {1} child {2}")
    @MethodSource("matrix")
    void restartsTheRightChildrenInTheRightOrder(Strategy strategy, Restart restart, HowItExits exit, OtpTestKit kit) {
        Pid sup = kit.startSupervisor(new SupervisorSpec(strategy, 3, Duration.ofSeconds(5), AutoShutdown.NEVER,
                List.of(RecordingServer.child("a", events),
                        RecordingServer.child("b", events).withRestart(restart),
                        RecordingServer.child("c", events).withRestart(TEMPORARY),
                        RecordingServer.child("d", events).withRestart(TRANSIENT))));
        assertThat(events.lifecycle()).containsExactly("init:a", "init:b", "init:c", "init:d");
        Map<String, Pid> before = Children.pids(sup);
        events.clear();

        exit.apply(kit.faults(), before.get("b"));

        Outcome expected = Outcome.of(strategy, restart, exit);
        SupervisorAssert supervisor = assertThatSupervisor(sup).eventually()
                .hasChildren(expected.ids().toArray(String[]::new));
        expected.restarted().forEach(id -> supervisor.child(id).hasRestarted(1).isRunning());
        if (expected.ids().contains("b") && !expected.restarted().contains("b")) {
            supervisor.child("b").isTerminated().hasRestarted(0);
        }
        assertThat(events.lifecycle()).containsExactlyElementsOf(expected.events());

        Map<String, Pid> after = Children.pids(sup);
        for (String id : expected.ids()) {
            if (expected.restarted().contains(id)) {
                assertThat(after.get(id)).as("new incarnation of %s", id).isNotEqualTo(before.get(id)).isAlive();
            }
            else if (id.equals("b")) {
                assertThat(after.get(id)).as("b kept as terminated").isNull();
            }
            else {
                assertThat(after.get(id)).as("untouched %s", id).isEqualTo(before.get(id));
            }
        }
        assertThat(before.get("b")).isDead();
        if (!expected.ids().contains("c")) {
            assertThat(before.get("c")).as("removed temporary c stopped").isDead();
        }
        assertThat(sup).isAlive();
    }

    @Test
    void dependentsForOneRestartsTheCrashedChildAndWhatDependsOnItInDependencyOrder(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.of(Strategy.DEPENDENTS_FOR_ONE,
                RecordingServer.child("pricing", events),
                RecordingServer.child("audit", events),
                RecordingServer.child("inventory", events).withDependsOn("pricing"),
                RecordingServer.child("checkout", events).withDependsOn("inventory", "audit")));
        Map<String, Pid> before = Children.pids(sup);
        events.clear();

        GenServer.cast(before.get("pricing"), new RecordingServer.Crash());

        assertThatSupervisor(sup).eventually().child("checkout").hasRestarted(1).isRunning();
        assertThat(events.lifecycle()).containsExactly("terminate:pricing", "terminate:checkout", "terminate:inventory",
                "init:pricing", "init:inventory", "init:checkout");
        assertThat(Children.pid(sup, "audit")).as("independent of pricing").isEqualTo(before.get("audit"));

        events.clear();
        GenServer.cast(Children.pid(sup, "audit"), new RecordingServer.Crash());
        assertThatSupervisor(sup).eventually().child("checkout").hasRestarted(2).isRunning();
        assertThat(events.lifecycle())
                .containsExactly("terminate:audit", "terminate:checkout", "init:audit", "init:checkout");
    }

    /** Blocks in "block" calls until the gate opens; answers other calls at once. */
    record GatedServer(CountDownLatch gate) implements GenServer {
        @Override
        public Reply handleCall(Object request, From from) throws InterruptedException {
            if (request.equals("block")) {
                gate.await();
            }
            return Reply.of("answer");
        }
    }

    /** On any cast, calls the process named "gated" and records how the call ended. */
    record AskingServer(Node node, List<String> outcomes) implements GenServer {
        @Override
        public void handleCast(Object message) {
            try {
                outcomes.add(GenServer.call(node.named("gated"), "question"));
            }
            catch (ExitException exit) {
                outcomes.add("exit: " + exit.reason());
            }
        }
    }

    @Test
    void aChildBlockedCallingItsCrashedDependencyDoesNotHoldUpTheRestart(OtpTestKit kit, Node node) {
        CountDownLatch gate = new CountDownLatch(1);
        List<String> outcomes = new CopyOnWriteArrayList<>();
        Pid sup = kit.startSupervisor(SupervisorSpec.of(Strategy.DEPENDENTS_FOR_ONE,
                ChildSpec.worker("gated", () -> new GatedServer(gate)).withName("gated"),
                ChildSpec.worker("asking", () -> new AskingServer(node, outcomes)).withDependsOn("gated")
                        // without the fix the supervisor would wait for ever for this child to stop
                        .withShutdown(Shutdown.infinity())));
        Map<String, Pid> before = Children.pids(sup);
        CompletableFuture<Object> blocked = GenServer.callAsync(before.get("gated"), "block", Duration.ofSeconds(30));
        assertThat(before.get("gated")).eventually().hasMailboxSize(0);
        GenServer.cast(before.get("asking"), "ask");
        assertThat(before.get("gated")).eventually().hasMailboxSize(1);

        node.exit(before.get("gated"), ExitReason.other("boom"));

        SupervisorAssert supervisor = assertThatSupervisor(sup).eventually();
        supervisor.child("gated").hasRestarted(1).isRunning();
        supervisor.child("asking").hasRestarted(1).isRunning();
        assertThat(outcomes).containsExactly("exit: boom");
        assertThat(before.get("asking")).as("stopped gracefully, not killed").hasExitedWith(ExitReason.SHUTDOWN);
        assertThat(blocked).as("the gated process died under this call").failsWithin(Duration.ofSeconds(10));
        gate.countDown();
    }

    @Test
    void aChildMayDependOnlyOnChildrenStartedBeforeIt(OtpTestKit kit) {
        ChildSpec early = RecordingServer.child("early", events).withDependsOn("late");
        ChildSpec late = RecordingServer.child("late", events);

        assertThatThrownBy(() -> SupervisorSpec.of(Strategy.DEPENDENTS_FOR_ONE, early, late))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("child 'early' depends on 'late', which is not a child started before it");
        Pid sup = kit.startSupervisor(SupervisorSpec.of(Strategy.DEPENDENTS_FOR_ONE, late));
        assertThatThrownBy(() -> Supervisor.startChild(sup,
                        RecordingServer.child("orphan", events).withDependsOn("missing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("depends on 'missing'");
        Supervisor.startChild(sup, RecordingServer.child("dependent", events).withDependsOn("late"));
        assertThatSupervisor(sup).hasChildren("late", "dependent");
    }

    @Test
    void siblingsAreStoppedGracefullyWithShutdown(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForAll(
                RecordingServer.child("a", events), RecordingServer.child("b", events)));
        Pid b = Children.pid(sup, "b");

        GenServer.cast(b, new RecordingServer.Crash());

        assertThatSupervisor(sup).eventually().child("b").hasRestarted(1).isRunning();
        assertThat(events.lifecycle()).endsWith("terminate:a", "init:a", "init:b");
        assertThat(events.terminateReason("a")).isEqualTo(ExitReason.SHUTDOWN);
        assertThat(events.terminateReason("b")).isInstanceOf(ExitReason.Crash.class);
    }

    @Test
    void oneForAllStartsAgainANonTemporaryChildThatWasTerminatedByHand(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForAll(
                RecordingServer.child("a", events), RecordingServer.child("b", events),
                RecordingServer.child("c", events).withRestart(TRANSIENT)));
        Supervisor.terminateChild(sup, "c");
        events.clear();

        GenServer.cast(Children.pid(sup, "a"), new RecordingServer.Crash());

        assertThatSupervisor(sup).eventually().child("a").hasRestarted(1).isRunning();
        assertThat(events.lifecycle()).containsExactly("terminate:a", "terminate:b", "init:a", "init:b", "init:c");
        assertThat(Children.pids(sup).values()).allSatisfy(pid -> assertThat(pid).isAlive());
    }

    @Test
    void restartedChildrenAreCountedInWhichChildren(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.restForOne(
                RecordingServer.child("a", events), RecordingServer.child("b", events),
                RecordingServer.child("c", events)));

        kit.faults().crash(Children.pid(sup, "b"));

        assertThatSupervisor(sup).eventually().child("c").hasRestarted(1).isRunning();
        assertThat(Supervisor.whichChildren(sup)).extracting(ChildInfo::restarts).containsExactly(0, 1, 1);
    }

    @Test
    void anySignificantChildExitingStopsTheSupervisorAndItsChildren(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(autoShutdown(AutoShutdown.ANY_SIGNIFICANT,
                RecordingServer.child("a", events),
                RecordingServer.child("s", events).withRestart(TRANSIENT).withSignificant(true),
                RecordingServer.child("c", events)));
        events.clear();

        GenServer.cast(Children.pid(sup, "s"), new RecordingServer.StopWith(ExitReason.NORMAL));

        assertThat(sup).eventually().hasExitedWith(ExitReason.SHUTDOWN);
        assertThat(events.lifecycle()).containsExactly("terminate:s", "terminate:c", "terminate:a");
    }

    @Test
    void allSignificantStopsTheSupervisorOnlyAfterTheLastSignificantChild(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(autoShutdown(AutoShutdown.ALL_SIGNIFICANT,
                RecordingServer.child("s", events).withRestart(TEMPORARY).withSignificant(true),
                RecordingServer.child("t", events).withRestart(TRANSIENT).withSignificant(true)));

        kit.faults().crash(Children.pid(sup, "s"));
        assertThatSupervisor(sup).eventually().hasChildren("t");
        assertThat(sup).isAlive();

        GenServer.cast(Children.pid(sup, "t"), new RecordingServer.StopWith(ExitReason.SHUTDOWN));
        assertThat(sup).eventually().hasExitedWith(ExitReason.SHUTDOWN);
    }

    private static SupervisorSpec autoShutdown(AutoShutdown autoShutdown, ChildSpec... children) {
        return SupervisorSpec.oneForOne(children).withAutoShutdown(autoShutdown);
    }
}
