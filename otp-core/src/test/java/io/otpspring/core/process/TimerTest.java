package io.otpspring.core.process;

import java.time.Duration;
import java.util.List;

import io.otpspring.core.process.DeadLetter.Cause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.otpspring.core.process.Probe.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Timers. The node's timers run on one scheduler thread in due-time order, so a marker timer due
 * after another timer arrives after it: "the marker came and the other did not" proves the other
 * was never sent, without sleeping.
 */
class TimerTest {

    private static final Duration PERIOD = Duration.ofMillis(10);

    private Node node;

    @BeforeEach
    void startNode() {
        node = Node.start("timer-test");
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    @Test
    void sendAfterArrives() {
        Probe probe = Probe.recording();
        Pid pid = probe.spawn(node);

        TimerRef ref = node.timers().sendAfter(pid, "tick", Duration.ofMillis(20));

        assertThat(probe.next()).isEqualTo("tick");
        await().atMost(WAIT).until(() -> !ref.isActive());
        assertThat(ref.cancel()).as("a fired timer cannot be cancelled").isFalse();
    }

    @Test
    void sendAfterToANameReachesTheProcessRegisteredThen() {
        Probe probe = Probe.recording();
        probe.spawn(node, SpawnOptions.defaults().withName("alarm"));

        node.timers().sendAfter(node.named("alarm"), "wake up", Duration.ofMillis(5));

        assertThat(probe.next()).isEqualTo("wake up");
    }

    @Test
    void aTimerCancelledBeforeItFiresNeverSends() {
        Probe probe = Probe.recording();
        Pid pid = probe.spawn(node);

        TimerRef cancelled = node.timers().sendAfter(pid, "cancelled", Duration.ofMillis(1000));
        assertThat(cancelled.cancel()).as("cancelled before firing").isTrue();
        node.timers().sendAfter(pid, "marker", Duration.ofMillis(1200));

        assertThat(probe.next()).isEqualTo("marker");
        assertThat(probe.received()).containsExactly("marker");
        assertThat(cancelled.isActive()).isFalse();
        assertThat(cancelled.cancel()).as("cancelling twice").isFalse();
    }

    @Test
    void sendIntervalRepeatsUntilCancelled() {
        Probe probe = Probe.recording();
        Pid pid = probe.spawn(node);

        TimerRef ref = node.timers().sendInterval(pid, "tick", PERIOD);
        await().atMost(WAIT).untilAsserted(() -> assertThat(probe.received()).hasSizeGreaterThanOrEqualTo(3));
        assertThat(ref.isActive()).isTrue();
        assertThat(ref.cancel()).isTrue();
        // a tick being sent while cancelling precedes "first"; ticks after it would be a live timer
        node.timers().sendAfter(pid, "first", PERIOD.multipliedBy(3));
        node.timers().sendAfter(pid, "second", PERIOD.multipliedBy(10));

        probe.awaitReceived("second");
        List<Object> received = probe.received();
        assertThat(received).containsOnly("tick", "first", "second").endsWith("first", "second");
        assertThat(ref.isActive()).isFalse();
    }

    @Test
    void sendIntervalStopsByItselfWhenItsTargetIsDead() throws Exception {
        Probe probe = Probe.recording();
        Pid pid = probe.spawn(node);
        TimerRef ref = node.timers().sendInterval(pid, "tick", PERIOD);
        probe.awaitReceived("tick");

        node.exit(pid, ExitReason.KILL);

        await().atMost(WAIT).until(() -> !ref.isActive());
        try (Probe.DeadLetterLog letters = Probe.deadLetters(node)) {
            Probe other = Probe.recording();
            Pid marker = other.spawn(node);
            node.timers().sendAfter(marker, "marker", PERIOD.multipliedBy(5));
            other.awaitReceived("marker");
            assertThat(letters.withCause(Cause.RECIPIENT_DEAD)).as("no tick after the timer stopped").isEmpty();
        }
    }

    @Test
    void timersRejectNegativeDelaysAndEmptyPeriods() {
        Pid pid = Probe.recording().spawn(node);

        assertThatThrownBy(() -> node.timers().sendAfter(pid, "x", Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> node.timers().sendInterval(pid, "x", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
