package io.otpspring.core.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.otpspring.core.process.ExitReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.otpspring.core.supervision.Restart.PERMANENT;
import static io.otpspring.core.supervision.Restart.TEMPORARY;
import static io.otpspring.core.supervision.Restart.TRANSIENT;
import static io.otpspring.core.supervision.Strategy.DEPENDENTS_FOR_ONE;
import static io.otpspring.core.supervision.Strategy.ONE_FOR_ALL;
import static io.otpspring.core.supervision.Strategy.ONE_FOR_ONE;
import static io.otpspring.core.supervision.Strategy.REST_FOR_ONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure supervision decisions, checked against what OTP's supervisor.erl does. */
class SupervisionDecisionsTest {

    private static final ExitReason CRASH = ExitReason.crash(new IllegalStateException("boom"));
    private static final ExitReason SHUTDOWN_WITH_DETAIL = ExitReason.shutdown("bye");

    /** What happens to the exited child, whatever the strategy. */
    private enum Fate { RESTART, KEEP, REMOVE }

    /**
     * Children in start order, {@code b} being the one that exits: {@code a} permanent, {@code c}
     * temporary, {@code d} transient but not running (terminated by hand earlier), {@code e} permanent.
     */
    private static List<ChildState> childrenWithExited(Restart restartOfB) {
        return List.of(
                running("a", PERMANENT),
                running("b", restartOfB),
                running("c", TEMPORARY),
                new ChildState("d", TRANSIENT, false, false),
                running("e", PERMANENT));
    }

    /** The restart each strategy carries out when {@code b} must be restarted. */
    private static ExitDecision restartOf(Strategy strategy) {
        return switch (strategy) {
            case ONE_FOR_ONE -> restart(List.of(), List.of(), List.of("b"));
            // every running sibling stopped in reverse start order; temporary c removed, not restarted;
            // d, not running but not temporary, is started again as OTP's terminate_children/start_children do
            case ONE_FOR_ALL -> restart(List.of("e", "c", "a"), List.of("c"), List.of("a", "b", "d", "e"));
            case REST_FOR_ONE -> restart(List.of("e", "c"), List.of("c"), List.of("b", "d", "e"));
            // nothing depends on b here, so it restarts alone
            case DEPENDENTS_FOR_ONE -> restart(List.of(), List.of(), List.of("b"));
        };
    }

    /** OTP's do_restart: permanent always; transient unless normal/shutdown/{shutdown,_}; temporary never. */
    static Stream<Arguments> matrix() {
        Object[][] fates = {
                {PERMANENT, ExitReason.NORMAL, Fate.RESTART},
                {PERMANENT, ExitReason.SHUTDOWN, Fate.RESTART},
                {PERMANENT, SHUTDOWN_WITH_DETAIL, Fate.RESTART},
                {PERMANENT, CRASH, Fate.RESTART},
                {PERMANENT, ExitReason.KILLED, Fate.RESTART},
                {TRANSIENT, ExitReason.NORMAL, Fate.KEEP},
                {TRANSIENT, ExitReason.SHUTDOWN, Fate.KEEP},
                {TRANSIENT, SHUTDOWN_WITH_DETAIL, Fate.KEEP},
                {TRANSIENT, CRASH, Fate.RESTART},
                {TRANSIENT, ExitReason.KILLED, Fate.RESTART},
                {TEMPORARY, ExitReason.NORMAL, Fate.REMOVE},
                {TEMPORARY, ExitReason.SHUTDOWN, Fate.REMOVE},
                {TEMPORARY, SHUTDOWN_WITH_DETAIL, Fate.REMOVE},
                {TEMPORARY, CRASH, Fate.REMOVE},
                {TEMPORARY, ExitReason.KILLED, Fate.REMOVE},
        };
        List<Arguments> rows = new ArrayList<>();
        for (Strategy strategy : Strategy.values()) {
            for (Object[] fate : fates) {
                rows.add(Arguments.of(strategy, fate[0], fate[1], fate[2]));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}, {1} child exits with {2} -> {3}")
    @MethodSource("matrix")
    void decidesPerStrategyRestartTypeAndReason(Strategy strategy, Restart restart, ExitReason reason, Fate fate) {
        ExitDecision decision = SupervisionDecisions.onChildExit(strategy, AutoShutdown.NEVER,
                childrenWithExited(restart), "b", reason);

        ExitDecision expected = switch (fate) {
            case RESTART -> restartOf(strategy);
            case KEEP -> new ExitDecision.KeepTerminated("b");
            case REMOVE -> new ExitDecision.RemoveChild("b");
        };
        assertThat(decision).isEqualTo(expected);
    }

    @Test
    void restForOneOfTheLastChildRestartsOnlyIt() {
        List<ChildState> children = List.of(running("a", PERMANENT), running("b", TEMPORARY), running("c", PERMANENT));

        assertThat(SupervisionDecisions.onChildExit(REST_FOR_ONE, AutoShutdown.NEVER, children, "c", CRASH))
                .isEqualTo(restart(List.of(), List.of(), List.of("c")));
    }

    @Test
    void restForOneOfTheFirstChildRestartsAllLikeOneForAll() {
        List<ChildState> children = List.of(running("a", PERMANENT), running("b", TEMPORARY), running("c", TRANSIENT));

        ExitDecision expected = restart(List.of("c", "b"), List.of("b"), List.of("a", "c"));
        assertThat(SupervisionDecisions.onChildExit(REST_FOR_ONE, AutoShutdown.NEVER, children, "a", CRASH))
                .isEqualTo(expected);
        assertThat(SupervisionDecisions.onChildExit(ONE_FOR_ALL, AutoShutdown.NEVER, children, "a", CRASH))
                .isEqualTo(expected);
    }

    @Test
    void oneForOneIgnoresSiblings() {
        List<ChildState> children = List.of(running("a", TEMPORARY), running("b", PERMANENT),
                new ChildState("c", PERMANENT, false, false));

        assertThat(SupervisionDecisions.onChildExit(ONE_FOR_ONE, AutoShutdown.NEVER, children, "b", CRASH))
                .isEqualTo(restart(List.of(), List.of(), List.of("b")));
    }

    @Test
    void dependentsForOneRestartsTheExitedChildAndItsTransitiveDependentsOnly() {
        // a <- b <- d (through b), c independent, e depends on a and c; temporary f depends on d
        List<ChildState> children = List.of(
                running("a", PERMANENT),
                dependent("b", PERMANENT, "a"),
                running("c", PERMANENT),
                dependent("d", PERMANENT, "b"),
                dependent("e", PERMANENT, "a", "c"),
                dependent("f", TEMPORARY, "d"));

        assertThat(SupervisionDecisions.onChildExit(DEPENDENTS_FOR_ONE, AutoShutdown.NEVER, children, "b", CRASH))
                .isEqualTo(restart(List.of("f", "d"), List.of("f"), List.of("b", "d")));
        assertThat(SupervisionDecisions.onChildExit(DEPENDENTS_FOR_ONE, AutoShutdown.NEVER, children, "c", CRASH))
                .isEqualTo(restart(List.of("e"), List.of(), List.of("c", "e")));
        assertThat(SupervisionDecisions.onChildExit(DEPENDENTS_FOR_ONE, AutoShutdown.NEVER, children, "a", CRASH))
                .isEqualTo(restart(List.of("f", "e", "d", "b"), List.of("f"), List.of("a", "b", "d", "e")));
        assertThat(SupervisionDecisions.onChildExit(DEPENDENTS_FOR_ONE, AutoShutdown.NEVER, children, "e", CRASH))
                .isEqualTo(restart(List.of(), List.of(), List.of("e")));
    }

    @Test
    void anUnknownChildIsRefused() {
        assertThatThrownBy(() -> SupervisionDecisions.onChildExit(ONE_FOR_ONE, AutoShutdown.NEVER,
                List.of(running("a", PERMANENT)), "x", CRASH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- significant children

    @ParameterizedTest(name = "ANY_SIGNIFICANT, significant {0} child exits with {1}")
    @MethodSource("significantExitsThatAreNotRestarted")
    void anySignificantShutsDownWhenASignificantChildIsNotRestarted(Restart restart, ExitReason reason,
            ExitDecision keptOrRemoved) {
        List<ChildState> children = List.of(running("a", PERMANENT), significant("s", restart, true),
                significant("t", TRANSIENT, true));

        assertThat(SupervisionDecisions.onChildExit(ONE_FOR_ONE, AutoShutdown.ANY_SIGNIFICANT, children, "s", reason))
                .isEqualTo(new ExitDecision.ShutDownSupervisor(ExitReason.SHUTDOWN, keptOrRemoved));
    }

    static Stream<Arguments> significantExitsThatAreNotRestarted() {
        return Stream.of(
                Arguments.of(TRANSIENT, ExitReason.NORMAL, new ExitDecision.KeepTerminated("s")),
                Arguments.of(TRANSIENT, ExitReason.SHUTDOWN, new ExitDecision.KeepTerminated("s")),
                Arguments.of(TEMPORARY, ExitReason.NORMAL, new ExitDecision.RemoveChild("s")),
                // a temporary child is never restarted, so even its crash counts (OTP's do_auto_shutdown)
                Arguments.of(TEMPORARY, CRASH, new ExitDecision.RemoveChild("s")),
                Arguments.of(TEMPORARY, ExitReason.KILLED, new ExitDecision.RemoveChild("s")));
    }

    @Test
    void aRestartedSignificantChildDoesNotShutDown() {
        List<ChildState> children = List.of(running("a", PERMANENT), significant("s", TRANSIENT, true));

        assertThat(SupervisionDecisions.onChildExit(ONE_FOR_ALL, AutoShutdown.ANY_SIGNIFICANT, children, "s", CRASH))
                .isEqualTo(restart(List.of("a"), List.of(), List.of("a", "s")));
    }

    @Test
    void aNonSignificantChildNeverShutsDown() {
        List<ChildState> children = List.of(running("a", TRANSIENT), significant("s", TRANSIENT, true));

        assertThat(SupervisionDecisions.onChildExit(ONE_FOR_ONE, AutoShutdown.ANY_SIGNIFICANT, children, "a",
                ExitReason.NORMAL)).isEqualTo(new ExitDecision.KeepTerminated("a"));
        assertThat(SupervisionDecisions.onChildExit(ONE_FOR_ONE, AutoShutdown.ALL_SIGNIFICANT, children, "a",
                ExitReason.NORMAL)).isEqualTo(new ExitDecision.KeepTerminated("a"));
    }

    @Test
    void allSignificantWaitsForTheLastSignificantChild() {
        List<ChildState> bothRunning = List.of(running("a", PERMANENT), significant("s", TRANSIENT, true),
                significant("t", TEMPORARY, true));
        List<ChildState> sAlreadyGone = List.of(running("a", PERMANENT), significant("s", TRANSIENT, false),
                significant("t", TEMPORARY, true));

        assertThat(SupervisionDecisions.onChildExit(ONE_FOR_ONE, AutoShutdown.ALL_SIGNIFICANT, bothRunning, "t",
                ExitReason.NORMAL)).isEqualTo(new ExitDecision.RemoveChild("t"));
        assertThat(SupervisionDecisions.onChildExit(ONE_FOR_ONE, AutoShutdown.ALL_SIGNIFICANT, sAlreadyGone, "t",
                ExitReason.NORMAL))
                .isEqualTo(new ExitDecision.ShutDownSupervisor(ExitReason.SHUTDOWN, new ExitDecision.RemoveChild("t")));
    }

    @Test
    void neverIgnoresSignificance() {
        List<ChildState> children = List.of(significant("s", TRANSIENT, true));

        assertThat(SupervisionDecisions.onChildExit(ONE_FOR_ONE, AutoShutdown.NEVER, children, "s", ExitReason.NORMAL))
                .isEqualTo(new ExitDecision.KeepTerminated("s"));
    }

    // ---------------------------------------------------------------- stop order

    @Test
    void stopOrderIsReverseStartOrderOfRunningChildren() {
        List<ChildState> children = List.of(running("a", PERMANENT), new ChildState("b", PERMANENT, false, false),
                running("c", TEMPORARY), running("d", TRANSIENT));

        assertThat(SupervisionDecisions.stopOrder(children)).containsExactly("d", "c", "a");
        assertThat(SupervisionDecisions.stopOrder(List.of())).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private static ChildState running(String id, Restart restart) {
        return new ChildState(id, restart, false, true);
    }

    private static ChildState dependent(String id, Restart restart, String... dependsOn) {
        return new ChildState(id, restart, false, true, Set.of(dependsOn));
    }

    private static ChildState significant(String id, Restart restart, boolean running) {
        return new ChildState(id, restart, true, running);
    }

    private static ExitDecision restart(List<String> stop, List<String> remove, List<String> start) {
        return new ExitDecision.RestartChildren(stop, remove, start);
    }
}
