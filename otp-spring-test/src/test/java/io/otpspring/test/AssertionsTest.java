package io.otpspring.test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.process.SpawnOptions;
import io.otpspring.core.statem.Event;
import io.otpspring.core.statem.GenStateMachine;
import io.otpspring.core.statem.Timeout;
import io.otpspring.core.statem.Transition;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.SupervisorSpec;
import io.otpspring.test.junit.OtpTest;
import org.junit.jupiter.api.Test;

import static io.otpspring.test.OtpAssertions.assertThat;
import static io.otpspring.test.OtpAssertions.assertThatSupervisor;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the assertions check, and what their failures say. */
@OtpTest(virtualTime = true)
class AssertionsTest {

    enum Door {
        OPEN, CLOSED
    }

    /** Closes itself 30 seconds after it is opened. */
    static final class SelfClosingDoor implements GenStateMachine<Door> {
        @Override
        public Transition.Next<Door> init(ProcessContext self) {
            return Transition.next(Door.CLOSED);
        }

        @Override
        public Transition<Door> handleEvent(Door door, Event<Door> event) {
            return switch (event) {
                case Event.Cast<Door> cast when "open".equals(cast.message()) ->
                        Transition.next(Door.OPEN, io.otpspring.core.statem.Action.stateTimeout(Duration.ofSeconds(30), "close"));
                case Event.StateTimeout<Door> timeout -> Transition.next(Door.CLOSED);
                default -> Transition.keep();
            };
        }
    }

    @Test
    void processAssertionsAndTheirFailures(OtpTestKit kit) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Pid busy = kit.node().spawn(message -> release.await());
        busy.send("first");
        busy.send("second");

        assertThat(busy).isAlive().eventually().hasMailboxSize(1);
        assertThatThrownBy(() -> assertThat(busy).isDead()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("to have exited, but it is alive");
        assertThatThrownBy(() -> assertThat(busy).eventually(Duration.ofMillis(50)).isDead())
                .hasMessageContaining("still failing after PT0.05S").hasMessageContaining("alive");

        release.countDown();
        kit.node().stop(busy, ExitReason.NORMAL, Duration.ofSeconds(5));
        assertThat(busy).isDead().hasExitedWith(ExitReason.NORMAL);
    }

    @Test
    void supervisorAssertionsShowTheTreeWhenTheyFail(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(ChildSpec.worker("a", ProbeAndFaultsTest.Ponger::new),
                ChildSpec.worker("b", ProbeAndFaultsTest.Ponger::new)));

        assertThatSupervisor(sup).hasChildren("a", "b").hasAllChildrenRunning().hasRecentRestarts(0)
                .child("a").isRunning().hasRestarted(0);
        assertThatThrownBy(() -> assertThatSupervisor(sup).hasChildren("b", "a")).hasMessageContaining("[a, b]");
        assertThatThrownBy(() -> assertThatSupervisor(sup).eventually(Duration.ofMillis(50)).child("a").hasRestarted(1))
                .hasMessageContaining("the tree under " + sup).hasMessageContaining("- a RUNNING");
        assertThatThrownBy(() -> assertThatSupervisor(sup).as("after the deploy").child("b").hasRestarted(2))
                .hasMessageStartingWith("[after the deploy] expected child 'b' to have been restarted 2 times")
                .hasMessageContaining("- b RUNNING");
    }

    @Test
    void aSupervisorThatExitedFailsAtOnceEvenWhenWaiting(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(ChildSpec.worker("a", ProbeAndFaultsTest.Ponger::new)));
        kit.node().stop(sup, ExitReason.SHUTDOWN, Duration.ofSeconds(5));

        assertThatThrownBy(() -> assertThatSupervisor(sup).eventually(Duration.ofMinutes(10)).hasChildren("a"))
                .hasMessageContaining("the supervisor " + sup + " exited (shutdown)");
    }

    @Test
    void aThirtySecondStateTimeoutOnVirtualTime(OtpTestKit kit) {
        TransitionRecorder<Door> door = new TransitionRecorder<>();
        Pid pid = GenStateMachine.start(kit.node(), new SelfClosingDoor(), SpawnOptions.defaults(), door);

        GenServer.cast(pid, "open");
        assertThat(door).eventually().isInState(Door.OPEN).hasTransitioned(Door.CLOSED, "open", Door.OPEN);
        kit.time().advance(Duration.ofSeconds(29));
        assertThat(door).isInState(Door.OPEN);
        kit.time().advance(Duration.ofSeconds(1));

        assertThat(door).eventually().isInState(Door.CLOSED)
                .hasTransitioned(Door.OPEN, Event.StateTimeout.class, Door.CLOSED);
        kit.node().stop(pid, ExitReason.NORMAL, Duration.ofSeconds(5));
    }
}
