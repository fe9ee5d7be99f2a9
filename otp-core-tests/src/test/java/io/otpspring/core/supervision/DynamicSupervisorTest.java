package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
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

/** Dynamic supervisors on real processes: starting on demand, max children, restarts, intensity, shutdown. */
@OtpTest
class DynamicSupervisorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ExitReason GAVE_UP = ExitReason.shutdown("reached_max_restart_intensity");

    private final Events events = new Events();

    /** A server that answers every call with the argument it was started with. */
    record Greeter(String name) implements GenServer {
        @Override
        public Reply handleCall(Object request, From from) {
            return Reply.of(request + ", " + name);
        }
    }

    @Test
    void startsChildrenOnDemandEachWithItsOwnArguments(OtpTestKit kit) {
        Pid sup = kit.startDynamicSupervisor(DynamicSupervisorSpec.defaults());
        assertThat(DynamicSupervisor.countChildren(sup)).isEqualTo(new ChildCounts(0, 0, 0, 0));

        Pid alice = DynamicSupervisor.startChild(sup, ChildSpec.worker("greeter", () -> new Greeter("alice"))).orElseThrow();
        Pid bob = DynamicSupervisor.startChild(sup, ChildSpec.worker("greeter", () -> new Greeter("bob"))).orElseThrow();

        assertThat((String) GenServer.call(alice, "hello")).isEqualTo("hello, alice");
        assertThat((String) GenServer.call(bob, "hello")).isEqualTo("hello, bob");
        assertThat(DynamicSupervisor.whichChildren(sup)).extracting(ChildInfo::pid).containsExactly(alice, bob);
        assertThat(DynamicSupervisor.countChildren(sup)).isEqualTo(new ChildCounts(2, 2, 0, 2));
    }

    @Test
    void aStartBeyondMaxChildrenIsRefusedAsAValueAndTheSupervisorLivesOn(OtpTestKit kit) {
        Pid sup = kit.startDynamicSupervisor(DynamicSupervisorSpec.defaults().withMaxChildren(2));
        Pid first = DynamicSupervisor.startChild(sup, RecordingServer.child("a", events)).orElseThrow();
        DynamicSupervisor.startChild(sup, RecordingServer.child("b", events)).orElseThrow();

        StartResult refused = DynamicSupervisor.startChild(sup, RecordingServer.child("c", events));

        assertThat(refused).isEqualTo(new StartResult.MaxChildrenReached(2));
        assertThatThrownBy(refused::orElseThrow).isInstanceOf(StartException.class)
                .satisfies(error -> assertThat(((StartException) error).reason()).isEqualTo(StartResult.MAX_CHILDREN));
        assertThat(sup).isAlive();
        assertThat(events.lifecycle()).doesNotContain("init:c");

        assertThat(DynamicSupervisor.terminateChild(sup, first)).isTrue();
        assertThat(DynamicSupervisor.startChild(sup, RecordingServer.child("c", events)))
                .isInstanceOf(StartResult.Started.class);
    }

    @Test
    void racingStartsNeverExceedMaxChildren(OtpTestKit kit) throws Exception {
        int max = 10;
        int threads = 8;
        int attemptsEach = 5;
        Pid sup = kit.startDynamicSupervisor(DynamicSupervisorSpec.defaults().withMaxChildren(max));
        CyclicBarrier start = new CyclicBarrier(threads);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Thread> racers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            racers.add(Thread.startVirtualThread(() -> {
                try {
                    start.await();
                }
                catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
                for (int i = 0; i < attemptsEach; i++) {
                    StartResult result = DynamicSupervisor.startChild(sup, RecordingServer.child("w", events));
                    (result instanceof StartResult.Started ? started : refused).incrementAndGet();
                }
            }));
        }
        for (Thread racer : racers) {
            racer.join();
        }

        assertThat(started).hasValue(max);
        assertThat(refused).hasValue(threads * attemptsEach - max);
        assertThat(DynamicSupervisor.countChildren(sup).active()).isEqualTo(max);
    }

    @Test
    void aFailedStartIsAValueAndLeavesNoChild(OtpTestKit kit) {
        Pid sup = kit.startDynamicSupervisor(DynamicSupervisorSpec.defaults());

        StartResult result = DynamicSupervisor.startChild(sup, RecordingServer.child("a", events, Quirk.FAILING_INIT));

        assertThat(result).isInstanceOfSatisfying(StartResult.Failed.class,
                failed -> assertThat(failed.reason()).isInstanceOf(ExitReason.Crash.class));
        assertThatThrownBy(result::orElseThrow).isInstanceOf(StartException.class).hasMessageContaining("init of a fails");
        assertThat(sup).isAlive();
        assertThat(DynamicSupervisor.countChildren(sup).specs()).isZero();
    }

    @Test
    void aPermanentChildIsRestartedAloneWithAFreshIncarnation(OtpTestKit kit) {
        Pid sup = kit.startDynamicSupervisor(DynamicSupervisorSpec.defaults());
        Pid a = DynamicSupervisor.startChild(sup, RecordingServer.child("a", events)).orElseThrow();
        Pid b = DynamicSupervisor.startChild(sup, RecordingServer.child("b", events)).orElseThrow();

        kit.faults().crash(a);

        Pid restarted = assertThatSupervisor(sup).eventually().child("a").hasRestarted(1).isRunning().pid();
        assertThat(restarted).isNotEqualTo(a);
        assertThatSupervisor(sup).hasChildren("b", "a").child("b").hasRestarted(0);
        assertThat(b).as("one_for_one: the sibling lives on").isAlive();
        assertThat((Pid) GenServer.call(restarted, "who")).isEqualTo(restarted);
    }

    @Test
    void restartTypesDecideWhoComesBack(OtpTestKit kit) {
        Pid sup = kit.startDynamicSupervisor(DynamicSupervisorSpec.defaults());
        Pid transientCrash = start(sup, "transient-crash", Restart.TRANSIENT);
        Pid transientNormal = start(sup, "transient-normal", Restart.TRANSIENT);
        Pid temporary = start(sup, "temporary", Restart.TEMPORARY);

        GenServer.cast(transientCrash, new RecordingServer.Crash());
        GenServer.cast(transientNormal, new RecordingServer.StopWith(ExitReason.NORMAL));
        GenServer.cast(temporary, new RecordingServer.Crash());

        assertThatSupervisor(sup).eventually().hasChildren("transient-crash")
                .child("transient-crash").hasRestarted(1).isRunning();
        assertThat(temporary).isDead();
        assertThat(transientNormal).isDead();
    }

    @Test
    void crashesBeyondTheIntensityStopTheSupervisorAndAllItsChildren(OtpTestKit kit) {
        Pid sup = kit.startDynamicSupervisor(DynamicSupervisorSpec.defaults().withIntensity(2, Duration.ofSeconds(30)));
        Pid bystander = DynamicSupervisor.startChild(sup, RecordingServer.child("bystander", events)).orElseThrow();
        Pid a = DynamicSupervisor.startChild(sup, RecordingServer.child("a", events)).orElseThrow();

        for (int restarts = 1; restarts <= 2; restarts++) {
            kit.faults().crash(a);
            a = assertThatSupervisor(sup).eventually().child("a").hasRestarted(restarts).isRunning().pid();
        }
        kit.faults().crash(a);

        assertThat(sup).eventually().hasExitedWith(GAVE_UP);
        assertThat(bystander).isDead();
        assertThat(events.terminateReason("bystander")).isEqualTo(ExitReason.SHUTDOWN);
    }

    @Test
    void aRestartThatFailsIsRetriedAndCountsAgainstTheIntensity(OtpTestKit kit) {
        AtomicInteger incarnations = new AtomicInteger();
        ChildSpec failsAfterTheFirst = ChildSpec.worker("a", () -> new RecordingServer("a", events,
                incarnations.getAndIncrement() == 0 ? Quirk.NONE : Quirk.FAILING_INIT));
        Pid sup = kit.startDynamicSupervisor(DynamicSupervisorSpec.defaults().withIntensity(3, Duration.ofSeconds(30)));
        Pid a = DynamicSupervisor.startChild(sup, failsAfterTheFirst).orElseThrow();

        GenServer.cast(a, new RecordingServer.Crash());   // from its handler: its terminate runs

        assertThat(sup).eventually().hasExitedWith(GAVE_UP);
        assertThat(events.lifecycle()).containsExactly("init:a", "terminate:a", "init:a", "init:a", "init:a");
    }

    @Test
    void terminateChildStopsAndForgetsEvenAPermanentChild(OtpTestKit kit) {
        Pid sup = kit.startDynamicSupervisor(DynamicSupervisorSpec.defaults());
        Pid a = DynamicSupervisor.startChild(sup, RecordingServer.child("a", events)).orElseThrow();

        assertThat(DynamicSupervisor.terminateChild(sup, a)).isTrue();

        assertThat(a).isDead();
        assertThat(events.terminateReason("a")).isEqualTo(ExitReason.SHUTDOWN);
        assertThat(DynamicSupervisor.countChildren(sup).specs()).isZero();
        assertThat(DynamicSupervisor.terminateChild(sup, a)).as("no longer a child").isFalse();
        assertThat(DynamicSupervisor.terminateChild(sup, sup)).as("never was a child").isFalse();
    }

    @Test
    void stoppingTheSupervisorStopsAllChildrenTogether(OtpTestKit kit, Node node) {
        // a's terminate waits for b's: stopping them one after the other would never finish a's
        CountDownLatch bTerminated = new CountDownLatch(1);
        Pid sup = kit.startDynamicSupervisor(DynamicSupervisorSpec.defaults());
        DynamicSupervisor.startChild(sup, ChildSpec.worker("a", () -> new GenServer() {
            @Override
            public void terminate(ExitReason reason) throws InterruptedException {
                bTerminated.await();
                events.terminated("a", reason);
            }
        }).withShutdown(Shutdown.infinity())).orElseThrow();
        DynamicSupervisor.startChild(sup, ChildSpec.worker("b", () -> new GenServer() {
            @Override
            public void terminate(ExitReason reason) {
                events.terminated("b", reason);
                bTerminated.countDown();
            }
        })).orElseThrow();

        assertThat(node.stop(sup, ExitReason.SHUTDOWN, WAIT)).isTrue();

        assertThat(events.lifecycle()).containsExactly("terminate:b", "terminate:a");
    }

    @Test
    void aChildThatIgnoresItsShutdownIsKilledWhenItsTimeoutRunsOut(OtpTestKit kit, Node node) {
        Pid sup = kit.startDynamicSupervisor(DynamicSupervisorSpec.defaults());
        Pid hanging = DynamicSupervisor.startChild(sup, RecordingServer.child("hanging", events, Quirk.HANGING_TERMINATE)
                .withShutdown(Shutdown.timeout(Duration.ofMillis(100)))).orElseThrow();
        Pid brutal = DynamicSupervisor.startChild(sup, RecordingServer.child("brutal", events)
                .withShutdown(Shutdown.brutalKill())).orElseThrow();

        assertThat(node.stop(sup, ExitReason.SHUTDOWN, WAIT)).isTrue();

        assertThat(hanging).hasExitedWith(ExitReason.KILLED);
        assertThat(brutal).hasExitedWith(ExitReason.KILLED);
        assertThat(events.lifecycle()).contains("terminate:hanging").doesNotContain("terminate:brutal");
    }

    @Test
    void thousandsOfChildrenStartAndStopWithTheSupervisor(OtpTestKit kit, Node node) {
        int children = 10_000;
        Pid sup = kit.startDynamicSupervisor(DynamicSupervisorSpec.defaults());
        for (int i = 0; i < children; i++) {
            DynamicSupervisor.startChild(sup, ChildSpec.worker("idle", () -> new GenServer() {
            }).withRestart(Restart.TEMPORARY)).orElseThrow();
        }
        assertThat(node.processCount()).isEqualTo(children + 1);

        assertThat(node.stop(sup, ExitReason.SHUTDOWN, Duration.ofSeconds(60))).isTrue();

        assertThat(node.processCount()).isZero();
    }

    @Test
    void refusesSignificantChildren(OtpTestKit kit) {
        Pid sup = kit.startDynamicSupervisor(DynamicSupervisorSpec.defaults());

        assertThatThrownBy(() -> DynamicSupervisor.startChild(sup,
                RecordingServer.child("a", events).withRestart(Restart.TRANSIENT).withSignificant(true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no automatic shutdown");
        assertThatThrownBy(() -> DynamicSupervisorSpec.defaults().withMaxChildren(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max children");
    }

    @Test
    void aDynamicSupervisorCanBeAChildOfASupervisor(OtpTestKit kit, Node node) {
        Pid root = kit.startSupervisor(SupervisorSpec.oneForOne(
                ChildSpec.dynamicSupervisor("carts", DynamicSupervisorSpec.defaults()).withName("carts")));
        DynamicSupervisor.startChild(node.named("carts"), RecordingServer.child("cart", events)).orElseThrow();
        assertThatSupervisor(node.named("carts")).hasChildren("cart");
        assertThat(Supervisor.whichChildren(root)).singleElement()
                .satisfies(child -> assertThat(child.type()).isEqualTo(ChildType.SUPERVISOR));

        assertThat(node.stop(root, ExitReason.SHUTDOWN, WAIT)).isTrue();

        assertThat(events.terminateReason("cart")).isEqualTo(ExitReason.SHUTDOWN);
    }

    private Pid start(Pid sup, String id, Restart restart) {
        return DynamicSupervisor.startChild(sup, RecordingServer.child(id, events).withRestart(restart)).orElseThrow();
    }
}
