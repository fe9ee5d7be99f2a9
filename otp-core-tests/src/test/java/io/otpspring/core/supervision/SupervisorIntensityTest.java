package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import io.otpspring.core.supervision.RecordingServer.Quirk;
import io.otpspring.test.OtpTestKit;
import io.otpspring.test.junit.OtpTest;
import org.junit.jupiter.api.Test;

import static io.otpspring.test.OtpAssertions.assertThat;
import static io.otpspring.test.OtpAssertions.assertThatSupervisor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restart intensity on real processes: giving up, and escalating to the parent supervisor. On
 * virtual time: the intensity period is measured on the node's clock, which moves only when told.
 */
@OtpTest(virtualTime = true)
class SupervisorIntensityTest {

    private static final ExitReason GAVE_UP = ExitReason.shutdown("reached_max_restart_intensity");
    private static final Duration LONG_PERIOD = Duration.ofSeconds(30);

    private final Events events = new Events();

    @Test
    void restartsNCrashesWithinThePeriodAndGivesUpOnTheNext(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(
                RecordingServer.child("a", events), RecordingServer.child("b", events)).withIntensity(2, LONG_PERIOD));
        Pid a = Children.pid(sup, "a");

        crashAndAwaitRestart(kit, sup, "b", 1);
        crashAndAwaitRestart(kit, sup, "b", 2);
        assertThat(sup).isAlive();
        events.clear();
        GenServer.cast(Children.pid(sup, "b"), new RecordingServer.Crash());   // from its handler: its terminate runs

        assertThat(sup).eventually().hasExitedWith(GAVE_UP);
        assertThat(events.lifecycle()).containsExactly("terminate:b", "terminate:a");
        assertThat(a).isDead();
    }

    @Test
    void intensityZeroGivesUpOnTheFirstCrash(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(RecordingServer.child("a", events))
                .withIntensity(0, LONG_PERIOD));

        GenServer.cast(Children.pid(sup, "a"), new RecordingServer.Crash());

        assertThat(sup).eventually().hasExitedWith(GAVE_UP);
        assertThat(events.lifecycle()).containsExactly("init:a", "terminate:a");
    }

    @Test
    void aChildThatFailsToRestartIsRetriedUntilTheIntensityIsExceeded(OtpTestKit kit) {
        AtomicInteger incarnations = new AtomicInteger();
        ChildSpec failsAfterTheFirst = ChildSpec.worker("a", () -> new RecordingServer("a", events,
                incarnations.getAndIncrement() == 0 ? Quirk.NONE : Quirk.FAILING_INIT));
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(failsAfterTheFirst).withIntensity(3, LONG_PERIOD));

        GenServer.cast(Children.pid(sup, "a"), new RecordingServer.Crash());

        // each failed start counts as a restart, as OTP's try_again_restart does: 3 tries, then give up
        assertThat(sup).eventually().hasExitedWith(GAVE_UP);
        assertThat(events.lifecycle()).containsExactly("init:a", "terminate:a", "init:a", "init:a", "init:a");
    }

    @Test
    void crashesSpreadWiderThanThePeriodNeverGiveUp(OtpTestKit kit) {
        Duration period = Duration.ofSeconds(5);
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(RecordingServer.child("a", events))
                .withIntensity(1, period));

        for (int restarts = 1; restarts <= 5; restarts++) {
            // with the previous restart still within the period, this crash would make it give up
            crashAndAwaitRestart(kit, sup, "a", restarts);
            kit.time().advance(period.plusMillis(1));
        }
        assertThat(sup).isAlive();
    }

    @Test
    void aNestedSupervisorThatGivesUpIsRestartedByItsParent(OtpTestKit kit) {
        SupervisorSpec inner = SupervisorSpec.oneForOne(RecordingServer.child("x", events), RecordingServer.child("y", events))
                .withIntensity(1, LONG_PERIOD);
        Pid root = kit.startSupervisor(SupervisorSpec.oneForOne(
                RecordingServer.child("a", events), ChildSpec.supervisor("inner", inner)).withIntensity(3, LONG_PERIOD));
        Pid a = Children.pid(root, "a");
        Pid firstInner = Children.pid(root, "inner");

        crashAndAwaitRestart(kit, firstInner, "x", 1);
        events.clear();
        GenServer.cast(Children.pid(firstInner, "x"), new RecordingServer.Crash());

        assertThat(firstInner).eventually().hasExitedWith(GAVE_UP);
        Pid secondInner = assertThatSupervisor(root).eventually().child("inner").hasRestarted(1).isRunning().pid();
        assertThat(secondInner).isNotEqualTo(firstInner);
        assertThatSupervisor(secondInner).hasChildren("x", "y");
        assertThat(events.lifecycle()).containsExactly("terminate:x", "terminate:y", "init:x", "init:y");
        assertThat(Children.pid(root, "a")).isEqualTo(a);
        assertThat(root).isAlive();
    }

    @Test
    void aParentExceedingItsOwnIntensityGivesUpToo(OtpTestKit kit) {
        SupervisorSpec inner = SupervisorSpec.oneForOne(RecordingServer.child("x", events)).withIntensity(0, LONG_PERIOD);
        Pid root = kit.startSupervisor(SupervisorSpec.oneForOne(
                RecordingServer.child("a", events), ChildSpec.supervisor("inner", inner)).withIntensity(1, LONG_PERIOD));
        Pid firstInner = Children.pid(root, "inner");

        GenServer.cast(Children.pid(firstInner, "x"), new RecordingServer.Crash());
        Pid secondInner = assertThatSupervisor(root).eventually().child("inner").hasRestarted(1).isRunning().pid();
        assertThat(secondInner).isNotEqualTo(firstInner);
        events.clear();
        GenServer.cast(Children.pid(secondInner, "x"), new RecordingServer.Crash());

        assertThat(root).eventually().hasExitedWith(GAVE_UP);
        assertThat(events.lifecycle()).containsExactly("terminate:x", "terminate:a");
        assertThat(kit.node().processCount()).isZero();
    }

    /** Crashes child {@code id} of {@code sup} and waits until its restart number {@code restarts} runs. */
    private static void crashAndAwaitRestart(OtpTestKit kit, Pid sup, String id, int restarts) {
        kit.faults().crash(Children.pid(sup, id));
        assertThatSupervisor(sup).eventually().child(id).hasRestarted(restarts).isRunning();
    }
}
