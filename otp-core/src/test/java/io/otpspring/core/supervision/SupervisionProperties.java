package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.otpspring.core.process.ExitReason;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pure supervision decisions checked on thousands of random cases against a small reference
 * model, written differently: which children a strategy affects is computed as a set (a fixpoint
 * for dependents), not by the decisions' own walk.
 */
class SupervisionProperties {

    private static final ExitReason CRASH = ExitReason.crash(new IllegalStateException("boom"));

    /** A supervisor's children: random restart types, running or not, each depending on random earlier siblings. */
    @Provide
    Arbitrary<List<ChildState>> children() {
        return Arbitraries.integers().between(1, 8).flatMap(size -> Combinators.combine(
                Arbitraries.of(Restart.class).list().ofSize(size),
                Arbitraries.of(true, true, true, false).list().ofSize(size),
                Arbitraries.integers().between(0, 255).list().ofSize(size))
                .as((restarts, running, dependencyBits) -> {
                    List<ChildState> children = new ArrayList<>();
                    for (int i = 0; i < size; i++) {
                        Set<String> dependsOn = new HashSet<>();
                        for (int j = 0; j < i; j++) {
                            if ((dependencyBits.get(i) & (1 << j)) != 0) {
                                dependsOn.add("c" + j);
                            }
                        }
                        children.add(new ChildState("c" + i, restarts.get(i), false, running.get(i), dependsOn));
                    }
                    return children;
                }));
    }

    @Provide
    Arbitrary<ExitReason> reasons() {
        return Arbitraries.of(ExitReason.NORMAL, ExitReason.SHUTDOWN, ExitReason.KILLED, CRASH);
    }

    @Property(tries = 3000)
    void aRestartAffectsExactlyTheChildrenItsStrategyNamesInStartOrder(@ForAll("children") List<ChildState> children,
            @ForAll Strategy strategy, @ForAll("reasons") ExitReason reason, @ForAll @IntRange(max = 7) int pick) {
        ChildState exited = children.get(pick % children.size());
        ExitDecision decision = SupervisionDecisions.onChildExit(strategy, AutoShutdown.NEVER, children, exited.id(),
                reason);

        if (!restarts(exited.restart(), reason)) {
            assertThat(decision).isEqualTo(exited.restart() == Restart.TEMPORARY
                    ? new ExitDecision.RemoveChild(exited.id()) : new ExitDecision.KeepTerminated(exited.id()));
            return;
        }
        Set<String> affected = affected(strategy, children, exited);
        ExitDecision.RestartChildren restart = (ExitDecision.RestartChildren) decision;

        List<String> expectedStop = new ArrayList<>();
        List<String> expectedStart = new ArrayList<>();
        List<String> expectedRemove = new ArrayList<>();
        for (ChildState child : children) {
            if (!affected.contains(child.id())) {
                continue;
            }
            if (child.running() && child != exited) {
                expectedStop.addFirst(child.id());
            }
            if (child.restart() == Restart.TEMPORARY && child != exited) {
                expectedRemove.add(child.id());
            }
            else {
                expectedStart.add(child.id());
            }
        }
        assertThat(restart.stop()).as("stopped in reverse start order").isEqualTo(expectedStop);
        assertThat(restart.start()).as("started in start order").isEqualTo(expectedStart);
        assertThat(restart.remove()).as("temporary children stopped on the way are forgotten").isEqualTo(expectedRemove);
        assertThat(restart.start()).contains(exited.id());
    }

    @Property(tries = 2000)
    void independentChildrenAreNeverTouchedUnderDependentsForOne(@ForAll("children") List<ChildState> children,
            @ForAll @IntRange(max = 7) int pick) {
        ChildState exited = children.get(pick % children.size());
        ExitDecision decision = SupervisionDecisions.onChildExit(Strategy.DEPENDENTS_FOR_ONE, AutoShutdown.NEVER,
                children, exited.id(), CRASH);

        if (!(decision instanceof ExitDecision.RestartChildren restart)) {
            assertThat(exited.restart()).isEqualTo(Restart.TEMPORARY);
            return;
        }
        Set<String> touched = new HashSet<>(restart.stop());
        touched.addAll(restart.start());
        touched.addAll(restart.remove());
        for (ChildState child : children) {
            if (touched.contains(child.id()) && child != exited) {
                assertThat(dependsTransitively(children, child, exited.id()))
                        .as("%s is restarted with %s, so it depends on it", child.id(), exited.id()).isTrue();
            }
        }
    }

    /** Random restart times (in ms) against a budget: exceeded exactly when the window holds more than it allows. */
    @Property(tries = 2000)
    void theIntensityIsExceededExactlyWhenTheWindowHoldsMoreRestartsThanAllowed(
            @ForAll @IntRange(max = 5) int maxRestarts, @ForAll @IntRange(min = 1, max = 100) int periodMs,
            @ForAll @Size(max = 30) List<@IntRange(max = 50) Integer> gapsMs) {
        RestartIntensity intensity = RestartIntensity.of(maxRestarts, Duration.ofMillis(periodMs));
        List<Long> times = new ArrayList<>();
        long now = 0;
        for (int gap : gapsMs) {
            now += Duration.ofMillis(gap).toNanos();
            times.add(now);
            long at = now;
            long inWindow = times.stream().filter(time -> at - time <= Duration.ofMillis(periodMs).toNanos()).count();

            RestartIntensity.Outcome outcome = intensity.record(now);

            assertThat(outcome.exceeded()).isEqualTo(inWindow > maxRestarts);
            intensity = outcome.intensity();
        }
    }

    private static boolean restarts(Restart restart, ExitReason reason) {
        return restart == Restart.PERMANENT || (restart == Restart.TRANSIENT && !reason.isClean());
    }

    /** The reference model: the children a restart of {@code exited} affects, as a set. */
    private static Set<String> affected(Strategy strategy, List<ChildState> children, ChildState exited) {
        int index = children.indexOf(exited);
        Set<String> affected = new LinkedHashSet<>();
        switch (strategy) {
            case ONE_FOR_ONE -> affected.add(exited.id());
            case ONE_FOR_ALL -> children.forEach(child -> affected.add(child.id()));
            case REST_FOR_ONE -> children.subList(index, children.size()).forEach(child -> affected.add(child.id()));
            case DEPENDENTS_FOR_ONE -> {
                affected.add(exited.id());
                boolean grew = true;
                while (grew) {
                    grew = false;
                    for (ChildState child : children) {
                        if (!affected.contains(child.id()) && child.dependsOn().stream().anyMatch(affected::contains)) {
                            grew = affected.add(child.id());
                        }
                    }
                }
            }
        }
        return affected;
    }

    private static boolean dependsTransitively(List<ChildState> children, ChildState child, String on) {
        for (String dependency : child.dependsOn()) {
            if (dependency.equals(on)) {
                return true;
            }
            ChildState next = children.stream().filter(c -> c.id().equals(dependency)).findFirst().orElseThrow();
            if (dependsTransitively(children, next, on)) {
                return true;
            }
        }
        return false;
    }
}
