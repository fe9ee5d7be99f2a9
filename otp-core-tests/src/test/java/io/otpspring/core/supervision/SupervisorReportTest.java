package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.otpspring.core.genserver.CallTimeoutException;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.DeadLetter;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.test.OtpTestKit;
import io.otpspring.test.junit.OtpTest;
import org.junit.jupiter.api.Test;

import static io.otpspring.test.OtpAssertions.assertThatSupervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What supervisors report to observers: budget, statuses, restarts and last failures, a bounded page of children.
 * On virtual time: what is recent is measured on the node's clock, which moves only when told.
 */
@OtpTest(virtualTime = true)
class SupervisorReportTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Events events = new Events();

    @Test
    void aStaticSupervisorReportsItsBudgetAndEachChildsRestartsAndLastFailure(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(
                RecordingServer.child("a", events), RecordingServer.child("b", events)).withIntensity(5, Duration.ofMinutes(1)));

        for (int restarts = 1; restarts <= 2; restarts++) {
            // from its handler: the failure reported below
            GenServer.cast(Children.pid(sup, "a"), new RecordingServer.Crash());
            assertThatSupervisor(sup).eventually().child("a").hasRestarted(restarts).isRunning();
        }
        Supervisor.terminateChild(sup, "b");

        SupervisorReport report = Supervisor.report(sup, 10, WAIT);
        assertThat(report.dynamic()).isFalse();
        assertThat(report.strategy()).isEqualTo(Strategy.ONE_FOR_ONE);
        assertThat(report.intensity()).isEqualTo(5);
        assertThat(report.recentRestarts()).isEqualTo(2);
        assertThat(report.maxChildren()).isNull();
        assertThat(report.counts()).isEqualTo(new ChildCounts(2, 1, 0, 2));

        ChildInfo a = report.children().get(0);
        assertThat(a.status()).isEqualTo(ChildStatus.RUNNING);
        assertThat(a.restarts()).isEqualTo(2);
        assertThat(a.recentRestarts()).isEqualTo(2);
        assertThat(a.lastFailure()).isNotNull();
        assertThat(a.lastFailure().reason()).isInstanceOfSatisfying(ExitReason.Crash.class,
                crash -> assertThat(crash.cause()).hasMessage("a crashes on purpose"));

        ChildInfo b = report.children().get(1);
        assertThat(b.status()).isEqualTo(ChildStatus.TERMINATED);
        assertThat(b.pid()).isNull();
        assertThat(b.lastFailure()).as("a shutdown is not a failure").isNull();
    }

    @Test
    void restartsOlderThanThePeriodLeaveTheRecentCount(OtpTestKit kit) {
        Duration period = Duration.ofSeconds(5);
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(RecordingServer.child("a", events))
                .withIntensity(5, period));

        kit.faults().crash(Children.pid(sup, "a"));
        assertThatSupervisor(sup).eventually().hasRecentRestarts(1).child("a").hasRestarted(1).isRunning();
        assertThat(Supervisor.report(sup, 10, WAIT).children().getFirst().recentRestarts()).isEqualTo(1);
        kit.time().advance(period.plusMillis(1));

        SupervisorReport report = Supervisor.report(sup, 10, WAIT);
        assertThat(report.recentRestarts()).isZero();
        assertThat(report.children().getFirst().recentRestarts()).isZero();
        assertThat(report.children().getFirst().restarts()).isEqualTo(1);
    }

    @Test
    void aChildWhoseRestartKeepsFailingIsReportedAsRestarting(OtpTestKit kit) {
        AtomicInteger starts = new AtomicInteger();
        ChildSpec flaky = ChildSpec.worker("flaky", () -> new RecordingServer("flaky", events,
                starts.incrementAndGet() == 1 ? RecordingServer.Quirk.NONE : RecordingServer.Quirk.FAILING_INIT));
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(flaky).withIntensity(1_000_000, Duration.ofHours(1)));

        GenServer.cast(Supervisor.whichChildren(sup).getFirst().pid(), new RecordingServer.Crash());

        // between two retries, which is the only time the supervisor answers, the child is restarting
        await().atMost(WAIT).untilAsserted(() -> assertThat(starts).hasValueGreaterThan(2));
        ChildInfo child = Supervisor.report(sup, 1, WAIT).children().getFirst();
        assertThat(child.status()).isEqualTo(ChildStatus.RESTARTING);
        assertThat(child.pid()).isNull();
        assertThat(child.lastFailure()).isNotNull();
    }

    @Test
    void aDynamicSupervisorReportsCountsAndOnlyTheFirstChildren(OtpTestKit kit) {
        Pid sup = kit.startDynamicSupervisor(DynamicSupervisorSpec.defaults().withMaxChildren(100));
        for (int i = 0; i < 20; i++) {
            DynamicSupervisor.startChild(sup, RecordingServer.child("worker", events)).orElseThrow();
        }
        kit.faults().crash(DynamicSupervisor.whichChildren(sup).getFirst().pid());
        assertThatSupervisor(sup).eventually().hasRecentRestarts(1);

        SupervisorReport report = Supervisor.report(sup, 5, WAIT);

        assertThat(report.dynamic()).isTrue();
        assertThat(report.maxChildren()).isEqualTo(100);
        assertThat(report.counts().specs()).isEqualTo(20);
        assertThat(report.children()).hasSize(5).allSatisfy(child -> assertThat(child.id()).isEqualTo("worker"));
        assertThat(Supervisor.report(sup, 20, WAIT).children()).filteredOn(child -> child.restarts() == 1)
                .singleElement().satisfies(child -> assertThat(child.lastFailure()).isNotNull());
    }

    @Test
    void aReportWhoseCallerTimedOutIsNotSentLateAsADeadLetter(OtpTestKit kit) throws InterruptedException {
        CountDownLatch initStarted = new CountDownLatch(1);
        CountDownLatch releaseInit = new CountDownLatch(1);
        List<DeadLetter> letters = new CopyOnWriteArrayList<>();
        kit.node().deadLetters().subscribe(letters::add);
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne());
        ChildSpec slow = ChildSpec.worker("slow", () -> new GenServer() {
            @Override
            public void init(ProcessContext self) throws InterruptedException {
                initStarted.countDown();
                releaseInit.await();
            }
        });
        Thread starter = Thread.startVirtualThread(() -> Supervisor.startChild(sup, slow));
        initStarted.await();

        assertThatThrownBy(() -> Supervisor.report(sup, 10, Duration.ofMillis(20)))
                .isInstanceOf(CallTimeoutException.class);
        releaseInit.countDown();
        starter.join();

        assertThat(Supervisor.report(sup, 10, WAIT).counts().active()).isEqualTo(1);
        assertThat(letters).noneMatch(letter -> letter.cause() == DeadLetter.Cause.LATE_REPLY);
    }

    @Test
    void aNegativeLimitIsRefused(OtpTestKit kit) {
        Pid sup = kit.startDynamicSupervisor(DynamicSupervisorSpec.defaults());
        assertThatThrownBy(() -> Supervisor.report(sup, -1, WAIT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }
}
