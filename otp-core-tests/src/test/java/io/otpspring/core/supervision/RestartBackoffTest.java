package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import io.otpspring.core.supervision.RestartBackoff.WhileRestarting;
import io.otpspring.test.OtpTestKit;
import io.otpspring.test.junit.OtpTest;
import org.junit.jupiter.api.Test;

import static io.otpspring.test.OtpAssertions.assertThat;
import static io.otpspring.test.OtpAssertions.assertThatSupervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Delayed restarts on virtual time: the supervisor's timers run on the node's virtual time, so a
 * delay passes when the test advances the clock, never by sleeping.
 */
@OtpTest(virtualTime = true)
class RestartBackoffTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Events events = new Events();
    /** The attempts the backoff was asked a delay for, in order. */
    private final List<Integer> attempts = new CopyOnWriteArrayList<>();

    /** 100 ms, 200 ms, 400 ms, ... recording each attempt asked for. */
    private RestartBackoff doubling(Duration resetAfter) {
        return RestartBackoff.of(attempt -> {
            attempts.add(attempt);
            return Duration.ofMillis(100L << (attempt - 1));
        }, resetAfter);
    }

    private ChildSpec child(RestartBackoff backoff) {
        return RecordingServer.child("a", events).withName("a").withRestartBackoff(backoff);
    }

    @Test
    void aCrashedChildRestartsOnlyOnceItsDelayHasPassedAndEachDelayGrows(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(child(doubling(Duration.ofHours(1))))
                .withIntensity(10, Duration.ofHours(1)));
        Pid first = kit.node().whereis("a");

        crash(kit, sup, first);
        kit.time().advance(Duration.ofMillis(99));
        assertThatSupervisor(sup).child("a").isRestarting();
        kit.time().advance(Duration.ofMillis(1));
        Pid second = kit.faults().awaitRestart(kit.node().named("a"), first);

        crash(kit, sup, second);
        kit.time().advance(Duration.ofMillis(199));
        assertThatSupervisor(sup).child("a").isRestarting();
        kit.time().advance(Duration.ofMillis(1));
        kit.faults().awaitRestart(kit.node().named("a"), second);

        assertThat(attempts).containsExactly(1, 2);
        assertThatSupervisor(sup).child("a").hasRestarted(2);
    }

    @Test
    void aChildThatRanForTheQuietPeriodStartsTheDelaysAgain(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(child(doubling(Duration.ofSeconds(1))))
                .withIntensity(10, Duration.ofHours(1)));

        Pid first = kit.node().whereis("a");
        crash(kit, sup, first);
        kit.time().advance(Duration.ofMillis(100));
        Pid second = kit.faults().awaitRestart(kit.node().named("a"), first);
        crash(kit, sup, second);
        kit.time().advance(Duration.ofMillis(200));
        Pid third = kit.faults().awaitRestart(kit.node().named("a"), second);
        kit.time().advance(Duration.ofSeconds(1));
        crash(kit, sup, third);

        assertThat(attempts).as("quiet for a second on the node's clock, it starts over").containsExactly(1, 2, 1);
    }

    @Test
    void callsFailAtOnceWhileTheChildWaits(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(child(doubling(Duration.ofHours(1)))));
        Pid first = kit.node().whereis("a");
        crash(kit, sup, first);

        assertThatThrownBy(() -> GenServer.call(kit.node().named("a"), "who", WAIT)).isInstanceOf(ExitException.class);
        assertThatThrownBy(() -> GenServer.call(first, "who", WAIT)).isInstanceOf(ExitException.class);
    }

    @Test
    void orWaitForTheNewIncarnationWhenTheyQueue(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(
                child(doubling(Duration.ofHours(1)).withWhileRestarting(WhileRestarting.QUEUE))));
        Pid first = kit.node().whereis("a");
        crash(kit, sup, first);

        CompletableFuture<Pid> answer = GenServer.callAsync(first, "who", WAIT);
        assertThat(answer).isNotDone();
        kit.time().advance(Duration.ofMillis(100));

        assertThat(answer).succeedsWithin(WAIT).isEqualTo(kit.faults().awaitRestart(kit.node().named("a"), first));
    }

    @Test
    void restartsCountAgainstTheIntensityWhenTheChildExitsSoACrashLoopStillEscalates(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(child(doubling(Duration.ofHours(1))))
                .withIntensity(2, Duration.ofHours(1)));

        for (int i = 0; i < 2; i++) {
            Pid before = kit.node().whereis("a");
            crash(kit, sup, before);
            kit.time().advance(Duration.ofSeconds(1));
            kit.faults().awaitRestart(kit.node().named("a"), before);
        }
        kit.faults().crash(kit.node().named("a"));

        assertThat(sup).eventually().hasExitedWith(ExitReason.shutdown("reached_max_restart_intensity"));
    }

    @Test
    void aChildTerminatedWhileItWaitsIsNotStartedWhenTheDelayIsOver(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(child(doubling(Duration.ofHours(1)))));
        crash(kit, sup, kit.node().whereis("a"));

        Supervisor.terminateChild(sup, "a");
        kit.time().advance(Duration.ofSeconds(1));

        assertThatSupervisor(sup).child("a").isTerminated();
        assertThat(kit.node().whereis("a")).isNull();
    }

    @Test
    void aRestartThatFailsToStartIsRetriedAfterTheNextDelayNotAtOnce(OtpTestKit kit) {
        int[] incarnations = {0};
        ChildSpec failingOnce = ChildSpec.worker("a", () -> new RecordingServer("a", events,
                ++incarnations[0] == 2 ? RecordingServer.Quirk.FAILING_INIT : RecordingServer.Quirk.NONE))
                .withName("a").withRestartBackoff(doubling(Duration.ofHours(1)));
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(failingOnce).withIntensity(3, Duration.ofHours(1)));
        Pid first = kit.node().whereis("a");

        crash(kit, sup, first);
        kit.time().advance(Duration.ofMillis(100));
        await().atMost(WAIT).until(() -> attempts.size() == 2);
        kit.time().advance(Duration.ofMillis(199));
        assertThatSupervisor(sup).child("a").isRestarting();
        kit.time().advance(Duration.ofMillis(1));

        kit.faults().awaitRestart(kit.node().named("a"), first);
        assertThat(incarnations[0]).isEqualTo(3);
        assertThat(attempts).containsExactly(1, 2);
    }

    @Test
    void aStaleDelayDoesNotStartAChildThatWaitsForALaterOne(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(child(doubling(Duration.ofHours(1))))
                .withIntensity(10, Duration.ofHours(1)));
        crash(kit, sup, kit.node().whereis("a"));
        // restarted by hand before its 100 ms are over, it crashes again: it now waits 200 ms
        Supervisor.restartChild(sup, "a");
        crash(kit, sup, kit.node().whereis("a"));

        kit.time().advance(Duration.ofMillis(100));
        assertThatSupervisor(sup).child("a").isRestarting();   // the first order is stale
        kit.time().advance(Duration.ofMillis(100));

        assertThatSupervisor(sup).eventually().child("a").isRunning();
        assertThat(attempts).containsExactly(1, 2);
    }

    @Test
    void aDynamicChildWaitingToRestartCanBeTerminated(OtpTestKit kit) {
        Pid sup = kit.startDynamicSupervisor(DynamicSupervisorSpec.defaults());
        Pid first = DynamicSupervisor.startChild(sup, RecordingServer.child("a", events)
                .withRestartBackoff(doubling(Duration.ofHours(1)))).orElseThrow();
        crash(kit, sup, first);

        assertThat(DynamicSupervisor.terminateChild(sup, first)).isTrue();
        kit.time().advance(Duration.ofSeconds(1));

        assertThat(DynamicSupervisor.countChildren(sup)).isEqualTo(new ChildCounts(0, 0, 0, 0));
    }

    @Test
    void aDynamicSupervisorDelaysItsChildrenToo(OtpTestKit kit) {
        Pid sup = kit.startDynamicSupervisor(DynamicSupervisorSpec.defaults());
        Pid first = DynamicSupervisor.startChild(sup, RecordingServer.child("a", events)
                .withRestartBackoff(doubling(Duration.ofHours(1)))).orElseThrow();

        crash(kit, sup, first);
        kit.time().advance(Duration.ofMillis(99));
        assertThatSupervisor(sup).child("a").isRestarting();
        kit.time().advance(Duration.ofMillis(1));

        assertThatSupervisor(sup).eventually().child("a").isRunning();
        assertThat(attempts).containsExactly(1);
    }

    /**
     * Crashes {@code child}, child "a" of {@code sup}, and waits until the supervisor has handled its exit (and
     * so scheduled the delayed restart before the test moves the clock).
     */
    private static void crash(OtpTestKit kit, Pid sup, Pid child) {
        kit.faults().crash(child);
        assertThatSupervisor(sup).eventually().child("a").isRestarting();
    }
}
