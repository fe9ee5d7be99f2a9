package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.supervision.RecordingServer.Quirk;
import io.otpspring.test.OtpTestKit;
import io.otpspring.test.junit.OtpTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.otpspring.test.OtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stopping a supervisor: reverse order, graceful terminate, shutdown timeouts, brutal kill, nesting. */
@OtpTest
class SupervisorShutdownTest {

    private static final Duration SHORT = Duration.ofMillis(200);

    private final Events events = new Events();
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void releaseBlockedHandlers() {
        never.countDown();
    }

    @Test
    void stopsChildrenInReverseStartOrderRunningTheirTerminate(OtpTestKit kit, Node node) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(
                RecordingServer.child("a", events), RecordingServer.child("b", events), RecordingServer.child("c", events)));
        Supervisor.startChild(sup, RecordingServer.child("d", events));
        var children = Children.pids(sup);
        events.clear();

        assertThat(node.stop(sup, ExitReason.SHUTDOWN, Duration.ofSeconds(10))).isTrue();

        assertThat(events.lifecycle()).containsExactly("terminate:d", "terminate:c", "terminate:b", "terminate:a");
        assertThat(children.values()).allSatisfy(child -> assertThat(child).hasExitedWith(ExitReason.SHUTDOWN));
        assertThat(events.terminateReason("a")).isEqualTo(ExitReason.SHUTDOWN);
        assertThat(sup).hasExitedWith(ExitReason.SHUTDOWN);
        assertThat(node.processCount()).isZero();
    }

    @Test
    void aGracefulShutdownLeavesNoDeadLetters(OtpTestKit kit, Node node) {
        // the exits of the children it stopped are the supervisor's own business, as in OTP's shutdown/2
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(
                RecordingServer.child("a", events), RecordingServer.child("b", events)));

        assertThat(node.stop(sup, ExitReason.SHUTDOWN, Duration.ofSeconds(10))).isTrue();

        assertThat(node.deadLetters().count()).isZero();
    }

    @Test
    void aChildWhoseTerminateHangsIsKilledWhenItsTimeoutRunsOut(OtpTestKit kit, Node node) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(
                RecordingServer.child("a", events),
                RecordingServer.child("b", events, Quirk.HANGING_TERMINATE).withShutdown(Shutdown.timeout(SHORT))));
        var children = Children.pids(sup);
        events.clear();

        assertThat(node.stop(sup, ExitReason.SHUTDOWN, Duration.ofSeconds(10))).isTrue();

        assertThat(children.get("b")).hasExitedWith(ExitReason.KILLED);
        assertThat(children.get("a")).hasExitedWith(ExitReason.SHUTDOWN);
        assertThat(events.lifecycle()).containsExactly("terminate:b", "terminate:a");
    }

    @Test
    void aChildBlockedInAHandlerIsKilledWhenItsTimeoutRunsOut(OtpTestKit kit, Node node) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(
                RecordingServer.child("a", events),
                RecordingServer.child("b", events).withShutdown(Shutdown.timeout(SHORT))));
        var children = Children.pids(sup);
        GenServer.cast(children.get("b"), new RecordingServer.Block(never));
        await().atMost(Duration.ofSeconds(10)).until(() -> events.lifecycle().contains("blocked:b"));
        events.clear();

        assertThat(node.stop(sup, ExitReason.SHUTDOWN, Duration.ofSeconds(10))).isTrue();

        assertThat(children.get("b")).hasExitedWith(ExitReason.KILLED);
        assertThat(events.lifecycle()).containsExactly("terminate:a");
    }

    @Test
    void brutalKillRunsNoTerminateAndDoesNotWaitForTheChild(OtpTestKit kit, Node node) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(
                RecordingServer.child("a", events),
                RecordingServer.child("b", events).withShutdown(Shutdown.brutalKill()),
                RecordingServer.child("c", events, Quirk.HANGING_TERMINATE).withShutdown(Shutdown.brutalKill())));
        var children = Children.pids(sup);
        // b could never stop gracefully: it is stuck in a handler
        GenServer.cast(children.get("b"), new RecordingServer.Block(never));
        await().atMost(Duration.ofSeconds(10)).until(() -> events.lifecycle().contains("blocked:b"));
        events.clear();

        assertThat(node.stop(sup, ExitReason.SHUTDOWN, Duration.ofSeconds(10))).isTrue();

        assertThat(events.lifecycle()).containsExactly("terminate:a");
        assertThat(children.get("b")).hasExitedWith(ExitReason.KILLED);
        assertThat(children.get("c")).hasExitedWith(ExitReason.KILLED);
    }

    @Test
    void aNestedSupervisorStopsAllItsChildrenBeforeItsOlderSiblings(OtpTestKit kit, Node node) {
        SupervisorSpec inner = SupervisorSpec.oneForOne(RecordingServer.child("x", events), RecordingServer.child("y", events));
        Pid root = kit.startSupervisor(SupervisorSpec.oneForOne(
                RecordingServer.child("a", events), ChildSpec.supervisor("inner", inner), RecordingServer.child("b", events)));
        assertThat(events.lifecycle()).containsExactly("init:a", "init:x", "init:y", "init:b");
        Pid innerPid = Children.pid(root, "inner");
        events.clear();

        assertThat(node.stop(root, ExitReason.SHUTDOWN, Duration.ofSeconds(10))).isTrue();

        assertThat(events.lifecycle()).containsExactly("terminate:b", "terminate:y", "terminate:x", "terminate:a");
        assertThat(innerPid).hasExitedWith(ExitReason.SHUTDOWN);
        assertThat(node.processCount()).isZero();
    }

    @Test
    void killingASupervisorTakesItsChildrenDown(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(
                RecordingServer.child("a", events), RecordingServer.child("b", events)));
        var children = Children.pids(sup);

        kit.faults().kill(sup);

        assertThat(children.get("a")).eventually().hasExitedWith(ExitReason.KILLED);
        assertThat(children.get("b")).eventually().isDead();
    }
}
