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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Dynamic supervisors on real processes: starting on demand, max children, restarts, intensity, shutdown. */
class DynamicSupervisorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ExitReason GAVE_UP = ExitReason.shutdown("reached_max_restart_intensity");

    private final Node node = Node.start("dynamic");
    private final Events events = new Events();

    @AfterEach
    void closeNode() {
        node.close();
    }

    /** A server that answers every call with the argument it was started with. */
    record Greeter(String name) implements GenServer {
        @Override
        public Reply handleCall(Object request, From from) {
            return Reply.of(request + ", " + name);
        }
    }

    @Test
    void startsChildrenOnDemandEachWithItsOwnArguments() {
        Pid sup = DynamicSupervisor.start(node, DynamicSupervisorSpec.defaults());
        assertThat(DynamicSupervisor.countChildren(sup)).isEqualTo(new ChildCounts(0, 0, 0, 0));

        Pid alice = DynamicSupervisor.startChild(sup, ChildSpec.worker("greeter", () -> new Greeter("alice"))).orElseThrow();
        Pid bob = DynamicSupervisor.startChild(sup, ChildSpec.worker("greeter", () -> new Greeter("bob"))).orElseThrow();

        assertThat((String) GenServer.call(alice, "hello")).isEqualTo("hello, alice");
        assertThat((String) GenServer.call(bob, "hello")).isEqualTo("hello, bob");
        assertThat(DynamicSupervisor.whichChildren(sup)).extracting(ChildInfo::pid).containsExactly(alice, bob);
        assertThat(DynamicSupervisor.countChildren(sup)).isEqualTo(new ChildCounts(2, 2, 0, 2));
    }

    @Test
    void aStartBeyondMaxChildrenIsRefusedAsAValueAndTheSupervisorLivesOn() {
        Pid sup = DynamicSupervisor.start(node, DynamicSupervisorSpec.defaults().withMaxChildren(2));
        Pid first = DynamicSupervisor.startChild(sup, RecordingServer.child("a", events)).orElseThrow();
        DynamicSupervisor.startChild(sup, RecordingServer.child("b", events)).orElseThrow();

        StartResult refused = DynamicSupervisor.startChild(sup, RecordingServer.child("c", events));

        assertThat(refused).isEqualTo(new StartResult.MaxChildrenReached(2));
        assertThatThrownBy(refused::orElseThrow).isInstanceOf(StartException.class)
                .satisfies(error -> assertThat(((StartException) error).reason()).isEqualTo(StartResult.MAX_CHILDREN));
        assertThat(sup.isAlive()).isTrue();
        assertThat(events.lifecycle()).doesNotContain("init:c");

        assertThat(DynamicSupervisor.terminateChild(sup, first)).isTrue();
        assertThat(DynamicSupervisor.startChild(sup, RecordingServer.child("c", events)))
                .isInstanceOf(StartResult.Started.class);
    }

    @Test
    void racingStartsNeverExceedMaxChildren() throws Exception {
        int max = 10;
        int threads = 8;
        int attemptsEach = 5;
        Pid sup = DynamicSupervisor.start(node, DynamicSupervisorSpec.defaults().withMaxChildren(max));
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
    void aFailedStartIsAValueAndLeavesNoChild() {
        Pid sup = DynamicSupervisor.start(node, DynamicSupervisorSpec.defaults());

        StartResult result = DynamicSupervisor.startChild(sup, RecordingServer.child("a", events, Quirk.FAILING_INIT));

        assertThat(result).isInstanceOfSatisfying(StartResult.Failed.class,
                failed -> assertThat(failed.reason()).isInstanceOf(ExitReason.Crash.class));
        assertThatThrownBy(result::orElseThrow).isInstanceOf(StartException.class).hasMessageContaining("init of a fails");
        assertThat(sup.isAlive()).isTrue();
        assertThat(DynamicSupervisor.countChildren(sup).specs()).isZero();
    }

    @Test
    void aPermanentChildIsRestartedAloneWithAFreshIncarnation() {
        Pid sup = DynamicSupervisor.start(node, DynamicSupervisorSpec.defaults());
        Pid a = DynamicSupervisor.startChild(sup, RecordingServer.child("a", events)).orElseThrow();
        Pid b = DynamicSupervisor.startChild(sup, RecordingServer.child("b", events)).orElseThrow();

        GenServer.cast(a, new RecordingServer.Crash());

        await().atMost(WAIT).until(() -> restartsOf(sup, "a") == 1 && pidOf(sup, "a") != null);
        Pid restarted = pidOf(sup, "a");
        assertThat(restarted).isNotEqualTo(a);
        assertThat(b.isAlive()).as("one_for_one: the sibling lives on").isTrue();
        assertThat((Pid) GenServer.call(restarted, "who")).isEqualTo(restarted);
        assertThat(DynamicSupervisor.whichChildren(sup)).extracting(ChildInfo::id).containsExactly("b", "a");
    }

    @Test
    void restartTypesDecideWhoComesBack() {
        Pid sup = DynamicSupervisor.start(node, DynamicSupervisorSpec.defaults());
        Pid transientCrash = start(sup, "transient-crash", Restart.TRANSIENT);
        Pid transientNormal = start(sup, "transient-normal", Restart.TRANSIENT);
        Pid temporary = start(sup, "temporary", Restart.TEMPORARY);

        GenServer.cast(transientCrash, new RecordingServer.Crash());
        GenServer.cast(transientNormal, new RecordingServer.StopWith(ExitReason.NORMAL));
        GenServer.cast(temporary, new RecordingServer.Crash());

        await().atMost(WAIT).until(() -> DynamicSupervisor.countChildren(sup).specs() == 1
                && pidOf(sup, "transient-crash") != null);
        assertThat(restartsOf(sup, "transient-crash")).isEqualTo(1);
        assertThat(temporary.isAlive()).isFalse();
        assertThat(transientNormal.isAlive()).isFalse();
    }

    @Test
    void crashesBeyondTheIntensityStopTheSupervisorAndAllItsChildren() {
        Pid sup = DynamicSupervisor.start(node, DynamicSupervisorSpec.defaults().withIntensity(2, Duration.ofSeconds(30)));
        Pid bystander = DynamicSupervisor.startChild(sup, RecordingServer.child("bystander", events)).orElseThrow();
        DynamicSupervisor.startChild(sup, RecordingServer.child("a", events)).orElseThrow();

        for (int crash = 1; crash <= 2; crash++) {
            GenServer.cast(pidOf(sup, "a"), new RecordingServer.Crash());
            int restarts = crash;
            await().atMost(WAIT).until(() -> restartsOf(sup, "a") == restarts && pidOf(sup, "a") != null);
        }
        GenServer.cast(pidOf(sup, "a"), new RecordingServer.Crash());

        assertThat(node.awaitExit(sup, WAIT)).isEqualTo(GAVE_UP);
        assertThat(bystander.isAlive()).isFalse();
        assertThat(events.terminateReason("bystander")).isEqualTo(ExitReason.SHUTDOWN);
    }

    @Test
    void aRestartThatFailsIsRetriedAndCountsAgainstTheIntensity() {
        AtomicInteger incarnations = new AtomicInteger();
        ChildSpec failsAfterTheFirst = ChildSpec.worker("a", () -> new RecordingServer("a", events,
                incarnations.getAndIncrement() == 0 ? Quirk.NONE : Quirk.FAILING_INIT));
        Pid sup = DynamicSupervisor.start(node, DynamicSupervisorSpec.defaults().withIntensity(3, Duration.ofSeconds(30)));
        Pid a = DynamicSupervisor.startChild(sup, failsAfterTheFirst).orElseThrow();

        GenServer.cast(a, new RecordingServer.Crash());

        assertThat(node.awaitExit(sup, WAIT)).isEqualTo(GAVE_UP);
        assertThat(events.lifecycle()).containsExactly("init:a", "terminate:a", "init:a", "init:a", "init:a");
    }

    @Test
    void terminateChildStopsAndForgetsEvenAPermanentChild() {
        Pid sup = DynamicSupervisor.start(node, DynamicSupervisorSpec.defaults());
        Pid a = DynamicSupervisor.startChild(sup, RecordingServer.child("a", events)).orElseThrow();

        assertThat(DynamicSupervisor.terminateChild(sup, a)).isTrue();

        assertThat(a.isAlive()).isFalse();
        assertThat(events.terminateReason("a")).isEqualTo(ExitReason.SHUTDOWN);
        assertThat(DynamicSupervisor.countChildren(sup).specs()).isZero();
        assertThat(DynamicSupervisor.terminateChild(sup, a)).as("no longer a child").isFalse();
        assertThat(DynamicSupervisor.terminateChild(sup, sup)).as("never was a child").isFalse();
    }

    @Test
    void stoppingTheSupervisorStopsAllChildrenTogether() {
        // a's terminate waits for b's: stopping them one after the other would never finish a's
        CountDownLatch bTerminated = new CountDownLatch(1);
        Pid sup = DynamicSupervisor.start(node, DynamicSupervisorSpec.defaults());
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
    void aChildThatIgnoresItsShutdownIsKilledWhenItsTimeoutRunsOut() {
        Pid sup = DynamicSupervisor.start(node, DynamicSupervisorSpec.defaults());
        Pid hanging = DynamicSupervisor.startChild(sup, RecordingServer.child("hanging", events, Quirk.HANGING_TERMINATE)
                .withShutdown(Shutdown.timeout(Duration.ofMillis(100)))).orElseThrow();
        Pid brutal = DynamicSupervisor.startChild(sup, RecordingServer.child("brutal", events)
                .withShutdown(Shutdown.brutalKill())).orElseThrow();

        assertThat(node.stop(sup, ExitReason.SHUTDOWN, WAIT)).isTrue();

        assertThat(node.exitReason(hanging)).isEqualTo(ExitReason.KILLED);
        assertThat(node.exitReason(brutal)).isEqualTo(ExitReason.KILLED);
        assertThat(events.lifecycle()).contains("terminate:hanging").doesNotContain("terminate:brutal");
    }

    @Test
    void thousandsOfChildrenStartAndStopWithTheSupervisor() {
        int children = 10_000;
        Pid sup = DynamicSupervisor.start(node, DynamicSupervisorSpec.defaults());
        for (int i = 0; i < children; i++) {
            DynamicSupervisor.startChild(sup, ChildSpec.worker("idle", () -> new GenServer() {
            }).withRestart(Restart.TEMPORARY)).orElseThrow();
        }
        assertThat(node.processCount()).isEqualTo(children + 1);

        assertThat(node.stop(sup, ExitReason.SHUTDOWN, Duration.ofSeconds(60))).isTrue();

        assertThat(node.processCount()).isZero();
    }

    @Test
    void refusesSignificantChildren() {
        Pid sup = DynamicSupervisor.start(node, DynamicSupervisorSpec.defaults());

        assertThatThrownBy(() -> DynamicSupervisor.startChild(sup,
                RecordingServer.child("a", events).withRestart(Restart.TRANSIENT).withSignificant(true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no automatic shutdown");
        assertThatThrownBy(() -> DynamicSupervisorSpec.defaults().withMaxChildren(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max children");
    }

    @Test
    void aDynamicSupervisorCanBeAChildOfASupervisor() {
        Pid root = Supervisor.start(node, SupervisorSpec.oneForOne(
                ChildSpec.dynamicSupervisor("carts", DynamicSupervisorSpec.defaults()).withName("carts")));
        DynamicSupervisor.startChild(node.named("carts"), RecordingServer.child("cart", events)).orElseThrow();
        assertThat(Supervisor.whichChildren(root)).singleElement()
                .satisfies(child -> assertThat(child.type()).isEqualTo(ChildType.SUPERVISOR));

        assertThat(node.stop(root, ExitReason.SHUTDOWN, WAIT)).isTrue();

        assertThat(events.terminateReason("cart")).isEqualTo(ExitReason.SHUTDOWN);
    }

    private Pid start(Pid sup, String id, Restart restart) {
        return DynamicSupervisor.startChild(sup, RecordingServer.child(id, events).withRestart(restart)).orElseThrow();
    }

    private static Pid pidOf(Pid sup, String id) {
        return DynamicSupervisor.whichChildren(sup).stream().filter(child -> child.id().equals(id))
                .map(ChildInfo::pid).findFirst().orElse(null);
    }

    private static int restartsOf(Pid sup, String id) {
        return DynamicSupervisor.whichChildren(sup).stream().filter(child -> child.id().equals(id))
                .mapToInt(ChildInfo::restarts).findFirst().orElse(-1);
    }
}
