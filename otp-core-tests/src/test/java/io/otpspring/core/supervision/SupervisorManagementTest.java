package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.StartException;
import io.otpspring.core.supervision.RecordingServer.Quirk;
import io.otpspring.test.OtpTestKit;
import io.otpspring.test.junit.OtpTest;
import org.junit.jupiter.api.Test;

import static io.otpspring.test.OtpAssertions.assertThat;
import static io.otpspring.test.OtpAssertions.assertThatSupervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The management API: which/count children, start, terminate, restart and delete a child. */
@OtpTest
class SupervisorManagementTest {

    private final Events events = new Events();

    @Test
    void whichChildrenListsChildrenInStartOrder(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(
                RecordingServer.child("a", events),
                RecordingServer.child("b", events).withRestart(Restart.TEMPORARY),
                ChildSpec.supervisor("inner", SupervisorSpec.oneForOne())));

        List<ChildInfo> children = Supervisor.whichChildren(sup);

        assertThat(children).extracting(ChildInfo::id).containsExactly("a", "b", "inner");
        assertThat(children).extracting(ChildInfo::type)
                .containsExactly(ChildType.WORKER, ChildType.WORKER, ChildType.SUPERVISOR);
        assertThat(children).extracting(ChildInfo::restart)
                .containsExactly(Restart.PERMANENT, Restart.TEMPORARY, Restart.PERMANENT);
        assertThat(children).allSatisfy(child -> {
            assertThat(child.pid()).isAlive();
            assertThat(child.restarts()).isZero();
        });
        assertThat(GenServer.<Pid>call(children.getFirst().pid(), "who")).isEqualTo(children.getFirst().pid());
    }

    @Test
    void countChildrenCountsSpecsActiveSupervisorsAndWorkers(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(
                RecordingServer.child("a", events), RecordingServer.child("b", events),
                ChildSpec.supervisor("inner", SupervisorSpec.oneForOne())));
        assertThat(Supervisor.countChildren(sup)).isEqualTo(new ChildCounts(3, 3, 1, 2));

        Supervisor.terminateChild(sup, "b");

        assertThat(Supervisor.countChildren(sup)).isEqualTo(new ChildCounts(3, 2, 1, 2));
    }

    @Test
    void startChildAddsAndStartsAChildAtTheEnd(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(RecordingServer.child("a", events)));

        Pid b = Supervisor.startChild(sup, RecordingServer.child("b", events));

        assertThat(b).isAlive();
        assertThat(Children.pids(sup)).containsOnlyKeys("a", "b").containsEntry("b", b);
        assertThat(events.lifecycle()).containsExactly("init:a", "init:b");
    }

    @Test
    void startChildRefusesADuplicateId(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(RecordingServer.child("a", events)));
        Pid a = Children.pid(sup, "a");

        assertThatThrownBy(() -> Supervisor.startChild(sup, RecordingServer.child("a", events)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(Children.pids(sup)).containsExactlyEntriesOf(Map.of("a", a));
        assertThat(events.lifecycle()).containsExactly("init:a");
    }

    @Test
    void startChildWhoseInitFailsThrowsAndAddsNothing(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(RecordingServer.child("a", events)));

        assertThatThrownBy(() -> Supervisor.startChild(sup,
                RecordingServer.child("b", events, Quirk.FAILING_INIT).withName("b")))
                .isInstanceOf(StartException.class);

        assertThatSupervisor(sup).hasChildren("a");
        assertThat(kit.node().whereis("b")).isNull();
        assertThat(sup).isAlive();
        // the id is free again
        assertThat(Supervisor.startChild(sup, RecordingServer.child("b", events)).isAlive()).isTrue();
    }

    @Test
    void startChildRefusesASignificantChildWhenAutoShutdownIsNever(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne());

        assertThatThrownBy(() -> Supervisor.startChild(sup,
                RecordingServer.child("s", events).withRestart(Restart.TRANSIENT).withSignificant(true)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatSupervisor(sup).hasChildren();
    }

    @Test
    void terminateChildStopsItGracefullyAndKeepsItsSpecWithoutRestartingAnything(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForAll(
                RecordingServer.child("a", events), RecordingServer.child("b", events)));
        Pid a = Children.pid(sup, "a");
        Pid b = Children.pid(sup, "b");
        events.clear();

        Supervisor.terminateChild(sup, "a");

        assertThat(a).hasExitedWith(ExitReason.SHUTDOWN);
        assertThat(events.lifecycle()).containsExactly("terminate:a");
        assertThat(events.terminateReason("a")).isEqualTo(ExitReason.SHUTDOWN);
        assertThat(Supervisor.whichChildren(sup)).first()
                .satisfies(child -> {
                    assertThat(child.id()).isEqualTo("a");
                    assertThat(child.pid()).isNull();
                    assertThat(child.restarts()).isZero();
                });
        assertThat(Children.pid(sup, "b")).isEqualTo(b);
    }

    @Test
    void terminateChildRemovesATemporaryChild(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(
                RecordingServer.child("a", events).withRestart(Restart.TEMPORARY), RecordingServer.child("b", events)));

        Supervisor.terminateChild(sup, "a");

        assertThatSupervisor(sup).hasChildren("b");
    }

    @Test
    void restartChildStartsATerminatedChildAgainUnderItsName(OtpTestKit kit, Node node) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(RecordingServer.child("a", events).withName("a")));
        Pid first = Children.pid(sup, "a");
        Supervisor.terminateChild(sup, "a");
        assertThat(node.whereis("a")).isNull();

        Pid second = Supervisor.restartChild(sup, "a");

        assertThat(second).isNotEqualTo(first);
        assertThat(second).isAlive();
        assertThat(Children.pid(sup, "a")).isEqualTo(second);
        assertThat(node.whereis("a")).isEqualTo(second);
        assertThat(events.lifecycle()).containsExactly("init:a", "terminate:a", "init:a");
    }

    @Test
    void restartChildRefusesARunningChild(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(RecordingServer.child("a", events)));
        Pid a = Children.pid(sup, "a");

        assertThatThrownBy(() -> Supervisor.restartChild(sup, "a")).isInstanceOf(IllegalStateException.class);
        assertThat(Children.pid(sup, "a")).isEqualTo(a);
    }

    @Test
    void deleteChildIsRefusedWhileRunningAndRemovesATerminatedChild(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(
                RecordingServer.child("a", events), RecordingServer.child("b", events)));

        assertThatThrownBy(() -> Supervisor.deleteChild(sup, "a")).isInstanceOf(IllegalStateException.class);
        assertThatSupervisor(sup).hasChildren("a", "b");

        Supervisor.terminateChild(sup, "a");
        Supervisor.deleteChild(sup, "a");

        assertThatSupervisor(sup).hasChildren("b");
        assertThatThrownBy(() -> Supervisor.restartChild(sup, "a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void callsNamingAnUnknownChildAreRefused(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(RecordingServer.child("a", events)));

        assertThatThrownBy(() -> Supervisor.terminateChild(sup, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Supervisor.restartChild(sup, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Supervisor.deleteChild(sup, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(sup).isAlive();
    }

    @Test
    void aChildFailingToStartFailsTheSupervisorAfterStoppingTheOthersInReverse(OtpTestKit kit, Node node) {
        SupervisorSpec spec = SupervisorSpec.oneForOne(
                RecordingServer.child("a", events), RecordingServer.child("b", events).withName("b"),
                RecordingServer.child("c", events, Quirk.FAILING_INIT), RecordingServer.child("d", events));

        assertThatThrownBy(() -> kit.startSupervisor(spec))
                .isInstanceOf(StartException.class)
                .hasStackTraceContaining("'c'");

        assertThat(events.lifecycle()).containsExactly("init:a", "init:b", "init:c", "terminate:b", "terminate:a");
        assertThat(events.terminateReason("a")).isEqualTo(ExitReason.SHUTDOWN);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(node.processCount()).isZero());
        assertThat(node.whereis("b")).isNull();
    }
}
