package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.VirtualTime;
import io.otpspring.core.supervision.RestartBackoff.WhileRestarting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Delayed restarts on virtual time: the supervisor's timers run on a {@link VirtualTime}, so a
 * delay passes when the test advances the clock, never by sleeping.
 */
class RestartBackoffTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final VirtualTime time = new VirtualTime();
    private final Node node = Node.start("backoff", time);
    private final Events events = new Events();
    /** The attempts the backoff was asked a delay for, in order. */
    private final List<Integer> attempts = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeNode() {
        node.close();
    }

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
    void aCrashedChildRestartsOnlyOnceItsDelayHasPassedAndEachDelayGrows() {
        Pid sup = Supervisor.start(node, SupervisorSpec.oneForOne(child(doubling(Duration.ofHours(1))))
                .withIntensity(10, Duration.ofHours(1)));
        Pid first = node.whereis("a");

        crash(sup, first);
        assertThat(status(sup)).isEqualTo(ChildStatus.RESTARTING);
        time.advance(Duration.ofMillis(99));
        assertThat(status(sup)).isEqualTo(ChildStatus.RESTARTING);
        time.advance(Duration.ofMillis(1));
        Pid second = awaitRestartOf(first);

        crash(sup, second);
        time.advance(Duration.ofMillis(199));
        assertThat(status(sup)).isEqualTo(ChildStatus.RESTARTING);
        time.advance(Duration.ofMillis(1));
        awaitRestartOf(second);

        assertThat(attempts).containsExactly(1, 2);
        assertThat(Supervisor.report(sup, 0, WAIT).children().getFirst().restarts()).isEqualTo(2);
    }

    @Test
    void aChildThatRanForTheQuietPeriodStartsTheDelaysAgain() {
        Pid sup = Supervisor.start(node, SupervisorSpec.oneForOne(child(doubling(Duration.ofSeconds(1))))
                .withIntensity(10, Duration.ofHours(1)));

        Pid first = node.whereis("a");
        crash(sup, first);
        time.advance(Duration.ofMillis(100));
        Pid second = awaitRestartOf(first);
        crash(sup, second);
        time.advance(Duration.ofMillis(200));
        Pid third = awaitRestartOf(second);
        time.advance(Duration.ofSeconds(1));
        crash(sup, third);

        assertThat(attempts).as("quiet for a second on the node's clock, it starts over").containsExactly(1, 2, 1);
    }

    @Test
    void callsFailAtOnceWhileTheChildWaits() {
        Pid sup = Supervisor.start(node, SupervisorSpec.oneForOne(child(doubling(Duration.ofHours(1)))));
        Pid first = node.whereis("a");
        crash(sup, first);

        assertThatThrownBy(() -> GenServer.call(node.named("a"), "who", WAIT)).isInstanceOf(ExitException.class);
        assertThatThrownBy(() -> GenServer.call(first, "who", WAIT)).isInstanceOf(ExitException.class);
    }

    @Test
    void orWaitForTheNewIncarnationWhenTheyQueue() {
        Pid sup = Supervisor.start(node, SupervisorSpec.oneForOne(
                child(doubling(Duration.ofHours(1)).withWhileRestarting(WhileRestarting.QUEUE))));
        Pid first = node.whereis("a");
        crash(sup, first);

        CompletableFuture<Pid> answer = GenServer.callAsync(first, "who", WAIT);
        assertThat(answer).isNotDone();
        time.advance(Duration.ofMillis(100));

        assertThat(answer).succeedsWithin(WAIT).isEqualTo(awaitRestartOf(first));
    }

    @Test
    void restartsCountAgainstTheIntensityWhenTheChildExitsSoACrashLoopStillEscalates() {
        Pid sup = Supervisor.start(node, SupervisorSpec.oneForOne(child(doubling(Duration.ofHours(1))))
                .withIntensity(2, Duration.ofHours(1)));

        for (int i = 0; i < 2; i++) {
            Pid before = node.whereis("a");
            crash(sup, before);
            time.advance(Duration.ofSeconds(1));
            awaitRestartOf(before);
        }
        GenServer.cast(node.whereis("a"), new RecordingServer.Crash());

        assertThat(node.awaitExit(sup, WAIT)).isEqualTo(ExitReason.shutdown("reached_max_restart_intensity"));
    }

    @Test
    void aChildTerminatedWhileItWaitsIsNotStartedWhenTheDelayIsOver() {
        Pid sup = Supervisor.start(node, SupervisorSpec.oneForOne(child(doubling(Duration.ofHours(1)))));
        crash(sup, node.whereis("a"));

        Supervisor.terminateChild(sup, "a");
        time.advance(Duration.ofSeconds(1));

        assertThat(status(sup)).isEqualTo(ChildStatus.TERMINATED);
        assertThat(node.whereis("a")).isNull();
    }

    @Test
    void aRestartThatFailsToStartIsRetriedAfterTheNextDelayNotAtOnce() {
        int[] incarnations = {0};
        ChildSpec failingOnce = ChildSpec.worker("a", () -> new RecordingServer("a", events,
                ++incarnations[0] == 2 ? RecordingServer.Quirk.FAILING_INIT : RecordingServer.Quirk.NONE))
                .withName("a").withRestartBackoff(doubling(Duration.ofHours(1)));
        Pid sup = Supervisor.start(node, SupervisorSpec.oneForOne(failingOnce).withIntensity(3, Duration.ofHours(1)));
        Pid first = node.whereis("a");

        crash(sup, first);
        time.advance(Duration.ofMillis(100));
        await().atMost(WAIT).until(() -> attempts.size() == 2);
        time.advance(Duration.ofMillis(199));
        assertThat(status(sup)).isEqualTo(ChildStatus.RESTARTING);
        time.advance(Duration.ofMillis(1));

        awaitRestartOf(first);
        assertThat(incarnations[0]).isEqualTo(3);
        assertThat(attempts).containsExactly(1, 2);
    }

    @Test
    void aStaleDelayDoesNotStartAChildThatWaitsForALaterOne() {
        Pid sup = Supervisor.start(node, SupervisorSpec.oneForOne(child(doubling(Duration.ofHours(1))))
                .withIntensity(10, Duration.ofHours(1)));
        crash(sup, node.whereis("a"));
        // restarted by hand before its 100 ms are over, it crashes again: it now waits 200 ms
        Supervisor.restartChild(sup, "a");
        crash(sup, node.whereis("a"));

        time.advance(Duration.ofMillis(100));
        assertThat(status(sup)).as("the first order is stale").isEqualTo(ChildStatus.RESTARTING);
        time.advance(Duration.ofMillis(100));

        await().atMost(WAIT).until(() -> status(sup) == ChildStatus.RUNNING);
        assertThat(attempts).containsExactly(1, 2);
    }

    @Test
    void aDynamicChildWaitingToRestartCanBeTerminated() {
        Pid sup = DynamicSupervisor.start(node, DynamicSupervisorSpec.defaults());
        Pid first = DynamicSupervisor.startChild(sup, RecordingServer.child("worker", events)
                .withRestartBackoff(doubling(Duration.ofHours(1)))).orElseThrow();
        crash(sup, first);

        assertThat(DynamicSupervisor.terminateChild(sup, first)).isTrue();
        time.advance(Duration.ofSeconds(1));

        assertThat(DynamicSupervisor.countChildren(sup)).isEqualTo(new ChildCounts(0, 0, 0, 0));
    }

    @Test
    void aDynamicSupervisorDelaysItsChildrenToo() {
        Pid sup = DynamicSupervisor.start(node, DynamicSupervisorSpec.defaults());
        Pid first = DynamicSupervisor.startChild(sup, RecordingServer.child("worker", events)
                .withRestartBackoff(doubling(Duration.ofHours(1)))).orElseThrow();

        crash(sup, first);
        time.advance(Duration.ofMillis(99));
        assertThat(Supervisor.report(sup, 1, WAIT).children().getFirst().status()).isEqualTo(ChildStatus.RESTARTING);
        time.advance(Duration.ofMillis(1));

        await().atMost(WAIT).until(() -> Supervisor.report(sup, 1, WAIT).children().getFirst().status()
                == ChildStatus.RUNNING);
        assertThat(attempts).containsExactly(1);
    }

    /**
     * Crashes {@code pid}, a child of {@code sup}, and waits until the supervisor has handled its exit
     * (and so scheduled the delayed restart before the test moves the clock).
     */
    private void crash(Pid sup, Pid pid) {
        GenServer.cast(pid, new RecordingServer.Crash());
        await().atMost(WAIT).until(() -> Supervisor.report(sup, 100, WAIT).children().stream()
                .anyMatch(child -> child.pid() == null));
    }

    private Pid awaitRestartOf(Pid dead) {
        await().atMost(WAIT).until(() -> {
            Pid now = node.whereis("a");
            return now != null && !now.equals(dead);
        });
        return node.whereis("a");
    }

    private static ChildStatus status(Pid sup) {
        return Supervisor.report(sup, 0, WAIT).children().getFirst().status();
    }
}
