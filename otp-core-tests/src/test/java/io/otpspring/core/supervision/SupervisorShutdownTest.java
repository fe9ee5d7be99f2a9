package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.supervision.RecordingServer.Quirk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stopping a supervisor: reverse order, graceful terminate, shutdown timeouts, brutal kill, nesting. */
class SupervisorShutdownTest {

    private static final Duration SHORT = Duration.ofMillis(200);

    private final Node node = Node.start("shutdown");
    private final Events events = new Events();
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void closeNode() {
        never.countDown();
        node.close();
    }

    @Test
    void stopsChildrenInReverseStartOrderRunningTheirTerminate() {
        Pid sup = Supervisor.start(node, SupervisorSpec.oneForOne(
                RecordingServer.child("a", events), RecordingServer.child("b", events), RecordingServer.child("c", events)));
        Supervisor.startChild(sup, RecordingServer.child("d", events));
        var children = Children.pids(sup);
        events.clear();

        assertThat(node.stop(sup, ExitReason.SHUTDOWN, Duration.ofSeconds(10))).isTrue();

        assertThat(events.lifecycle()).containsExactly("terminate:d", "terminate:c", "terminate:b", "terminate:a");
        assertThat(children.values()).allSatisfy(child -> assertThat(node.exitReason(child)).isEqualTo(ExitReason.SHUTDOWN));
        assertThat(events.terminateReason("a")).isEqualTo(ExitReason.SHUTDOWN);
        assertThat(node.exitReason(sup)).isEqualTo(ExitReason.SHUTDOWN);
        assertThat(node.processCount()).isZero();
    }

    @Test
    void aGracefulShutdownLeavesNoDeadLetters() {
        // the exits of the children it stopped are the supervisor's own business, as in OTP's shutdown/2
        Pid sup = Supervisor.start(node, SupervisorSpec.oneForOne(
                RecordingServer.child("a", events), RecordingServer.child("b", events)));

        assertThat(node.stop(sup, ExitReason.SHUTDOWN, Duration.ofSeconds(10))).isTrue();

        assertThat(node.deadLetters().count()).isZero();
    }

    @Test
    void aChildWhoseTerminateHangsIsKilledWhenItsTimeoutRunsOut() {
        Pid sup = Supervisor.start(node, SupervisorSpec.oneForOne(
                RecordingServer.child("a", events),
                RecordingServer.child("b", events, Quirk.HANGING_TERMINATE).withShutdown(Shutdown.timeout(SHORT))));
        var children = Children.pids(sup);
        events.clear();

        assertThat(node.stop(sup, ExitReason.SHUTDOWN, Duration.ofSeconds(10))).isTrue();

        assertThat(node.exitReason(children.get("b"))).isEqualTo(ExitReason.KILLED);
        assertThat(node.exitReason(children.get("a"))).isEqualTo(ExitReason.SHUTDOWN);
        assertThat(events.lifecycle()).containsExactly("terminate:b", "terminate:a");
    }

    @Test
    void aChildBlockedInAHandlerIsKilledWhenItsTimeoutRunsOut() {
        Pid sup = Supervisor.start(node, SupervisorSpec.oneForOne(
                RecordingServer.child("a", events),
                RecordingServer.child("b", events).withShutdown(Shutdown.timeout(SHORT))));
        var children = Children.pids(sup);
        GenServer.cast(children.get("b"), new RecordingServer.Block(never));
        await().atMost(Duration.ofSeconds(10)).until(() -> events.lifecycle().contains("blocked:b"));
        events.clear();

        assertThat(node.stop(sup, ExitReason.SHUTDOWN, Duration.ofSeconds(10))).isTrue();

        assertThat(node.exitReason(children.get("b"))).isEqualTo(ExitReason.KILLED);
        assertThat(events.lifecycle()).containsExactly("terminate:a");
    }

    @Test
    void brutalKillRunsNoTerminateAndDoesNotWaitForTheChild() {
        Pid sup = Supervisor.start(node, SupervisorSpec.oneForOne(
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
        assertThat(node.exitReason(children.get("b"))).isEqualTo(ExitReason.KILLED);
        assertThat(node.exitReason(children.get("c"))).isEqualTo(ExitReason.KILLED);
    }

    @Test
    void aNestedSupervisorStopsAllItsChildrenBeforeItsOlderSiblings() {
        SupervisorSpec inner = SupervisorSpec.oneForOne(RecordingServer.child("x", events), RecordingServer.child("y", events));
        Pid root = Supervisor.start(node, SupervisorSpec.oneForOne(
                RecordingServer.child("a", events), ChildSpec.supervisor("inner", inner), RecordingServer.child("b", events)));
        assertThat(events.lifecycle()).containsExactly("init:a", "init:x", "init:y", "init:b");
        Pid innerPid = Children.pid(root, "inner");
        events.clear();

        assertThat(node.stop(root, ExitReason.SHUTDOWN, Duration.ofSeconds(10))).isTrue();

        assertThat(events.lifecycle()).containsExactly("terminate:b", "terminate:y", "terminate:x", "terminate:a");
        assertThat(node.exitReason(innerPid)).isEqualTo(ExitReason.SHUTDOWN);
        assertThat(node.processCount()).isZero();
    }

    @Test
    void killingASupervisorTakesItsChildrenDown() {
        Pid sup = Supervisor.start(node, SupervisorSpec.oneForOne(
                RecordingServer.child("a", events), RecordingServer.child("b", events)));
        var children = Children.pids(sup);

        node.exit(sup, ExitReason.KILL);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(children.values()).noneMatch(Pid::isAlive));
        assertThat(node.exitReason(children.get("a"))).isEqualTo(ExitReason.KILLED);
    }
}
