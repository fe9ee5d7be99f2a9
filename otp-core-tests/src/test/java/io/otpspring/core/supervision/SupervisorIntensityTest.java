package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.supervision.RecordingServer.Quirk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Restart intensity on real processes: giving up, and escalating to the parent supervisor. */
class SupervisorIntensityTest {

    private static final ExitReason GAVE_UP = ExitReason.shutdown("reached_max_restart_intensity");
    private static final Duration LONG_PERIOD = Duration.ofSeconds(30);

    private final Node node = Node.start("intensity");
    private final Events events = new Events();

    @AfterEach
    void closeNode() {
        node.close();
    }

    @Test
    void restartsNCrashesWithinThePeriodAndGivesUpOnTheNext() {
        Pid sup = Supervisor.start(node, SupervisorSpec.oneForOne(
                RecordingServer.child("a", events), RecordingServer.child("b", events)).withIntensity(2, LONG_PERIOD));
        Pid a = Children.pid(sup, "a");

        crashAndAwaitRestart(sup, "b");
        crashAndAwaitRestart(sup, "b");
        assertThat(sup.isAlive()).isTrue();
        events.clear();
        GenServer.cast(Children.pid(sup, "b"), new RecordingServer.Crash());

        assertThat(node.awaitExit(sup, Duration.ofSeconds(10))).isEqualTo(GAVE_UP);
        assertThat(events.lifecycle()).containsExactly("terminate:b", "terminate:a");
        assertThat(a.isAlive()).isFalse();
    }

    @Test
    void intensityZeroGivesUpOnTheFirstCrash() {
        Pid sup = Supervisor.start(node, SupervisorSpec.oneForOne(RecordingServer.child("a", events))
                .withIntensity(0, LONG_PERIOD));

        GenServer.cast(Children.pid(sup, "a"), new RecordingServer.Crash());

        assertThat(node.awaitExit(sup, Duration.ofSeconds(10))).isEqualTo(GAVE_UP);
        assertThat(events.lifecycle()).containsExactly("init:a", "terminate:a");
    }

    @Test
    void aChildThatFailsToRestartIsRetriedUntilTheIntensityIsExceeded() {
        AtomicInteger incarnations = new AtomicInteger();
        ChildSpec failsAfterTheFirst = ChildSpec.worker("a", () -> new RecordingServer("a", events,
                incarnations.getAndIncrement() == 0 ? Quirk.NONE : Quirk.FAILING_INIT));
        Pid sup = Supervisor.start(node, SupervisorSpec.oneForOne(failsAfterTheFirst).withIntensity(3, LONG_PERIOD));

        GenServer.cast(Children.pid(sup, "a"), new RecordingServer.Crash());

        // each failed start counts as a restart, as OTP's try_again_restart does: 3 tries, then give up
        assertThat(node.awaitExit(sup, Duration.ofSeconds(10))).isEqualTo(GAVE_UP);
        assertThat(events.lifecycle()).containsExactly("init:a", "terminate:a", "init:a", "init:a", "init:a");
    }

    @Test
    void crashesSpreadWiderThanThePeriodNeverGiveUp() {
        Duration period = Duration.ofMillis(200);
        Pid sup = Supervisor.start(node, SupervisorSpec.oneForOne(RecordingServer.child("a", events))
                .withIntensity(1, period));

        for (int i = 0; i < 5; i++) {
            crashAndAwaitRestart(sup, "a");
            // let the period pass; the supervisor must stay up all along
            await().during(period.plusMillis(50)).atMost(Duration.ofSeconds(5)).until(sup::isAlive);
        }
        assertThat(Supervisor.whichChildren(sup).getFirst().restarts()).isEqualTo(5);
    }

    @Test
    void aNestedSupervisorThatGivesUpIsRestartedByItsParent() {
        SupervisorSpec inner = SupervisorSpec.oneForOne(RecordingServer.child("x", events), RecordingServer.child("y", events))
                .withIntensity(1, LONG_PERIOD);
        Pid root = Supervisor.start(node, SupervisorSpec.oneForOne(
                RecordingServer.child("a", events), ChildSpec.supervisor("inner", inner)).withIntensity(3, LONG_PERIOD));
        Pid a = Children.pid(root, "a");
        Pid firstInner = Children.pid(root, "inner");

        crashAndAwaitRestart(firstInner, "x");
        events.clear();
        GenServer.cast(Children.pid(firstInner, "x"), new RecordingServer.Crash());

        assertThat(node.awaitExit(firstInner, Duration.ofSeconds(10))).isEqualTo(GAVE_UP);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Pid secondInner = Children.pid(root, "inner");
            assertThat(secondInner).isNotNull().isNotEqualTo(firstInner);
            assertThat(Children.ids(secondInner)).containsExactly("x", "y");
        });
        assertThat(events.lifecycle()).containsExactly("terminate:x", "terminate:y", "init:x", "init:y");
        assertThat(Children.pid(root, "a")).isEqualTo(a);
        assertThat(root.isAlive()).isTrue();
    }

    @Test
    void aParentExceedingItsOwnIntensityGivesUpToo() {
        SupervisorSpec inner = SupervisorSpec.oneForOne(RecordingServer.child("x", events)).withIntensity(0, LONG_PERIOD);
        Pid root = Supervisor.start(node, SupervisorSpec.oneForOne(
                RecordingServer.child("a", events), ChildSpec.supervisor("inner", inner)).withIntensity(1, LONG_PERIOD));
        Pid firstInner = Children.pid(root, "inner");

        GenServer.cast(Children.pid(firstInner, "x"), new RecordingServer.Crash());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Children.pid(root, "inner")).isNotNull().isNotEqualTo(firstInner));
        events.clear();
        GenServer.cast(Children.pid(Children.pid(root, "inner"), "x"), new RecordingServer.Crash());

        assertThat(node.awaitExit(root, Duration.ofSeconds(10))).isEqualTo(GAVE_UP);
        assertThat(events.lifecycle()).containsExactly("terminate:x", "terminate:a");
        assertThat(node.processCount()).isZero();
    }

    /** Crashes child {@code id} of {@code sup} and waits until a new incarnation runs. */
    private static void crashAndAwaitRestart(Pid sup, String id) {
        Pid before = Children.pid(sup, id);
        GenServer.cast(before, new RecordingServer.Crash());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Children.pid(sup, id)).isNotNull().isNotEqualTo(before));
    }
}
