package io.otpspring.core.process;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.otpspring.core.process.DeadLetter.Cause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.otpspring.core.process.Probe.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeTest {

    private Node node;

    @BeforeEach
    void startNode() {
        node = Node.start("node-test");
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    @Test
    void spawnedProcessesAreCountedAndListedUntilTheyExit() {
        Pid a = Probe.recording().spawn(node);
        Pid b = Probe.recording().spawn(node);
        Pid c = Probe.recording().spawn(node);

        assertThat(node.processCount()).isEqualTo(3);
        assertThat(node.processes()).containsExactlyInAnyOrder(a, b, c);
        assertThat(a.node()).isEqualTo("node-test");
        assertThat(a).isNotEqualTo(b);

        node.exit(b, ExitReason.KILL);

        assertThat(node.processCount()).isEqualTo(2);
        assertThat(node.processes()).containsExactlyInAnyOrder(a, c);
    }

    @Test
    void closeKillsEveryProcess() {
        Probe probe = Probe.recording();
        Pid a = probe.spawn(node);
        Pid b = Probe.recording().spawn(node, SpawnOptions.defaults().withTrapExits(true).withName("b"));

        node.close();

        assertThat(a.isAlive()).isFalse();
        assertThat(b.isAlive()).isFalse();
        assertThat(node.exitReason(a)).isEqualTo(ExitReason.KILLED);
        assertThat(node.exitReason(b)).isEqualTo(ExitReason.KILLED);
        assertThat(node.processCount()).isZero();
        assertThat(node.registeredNames()).isEmpty();
        assertThat(probe.terminations()).isEmpty();
    }

    @Test
    void pidsOfAnotherNodeAreRefused() {
        try (Node other = Node.start("other-node")) {
            Pid foreign = Probe.recording().spawn(other);

            assertThatThrownBy(() -> node.awaitExit(foreign, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> node.register("foreign", foreign)).isInstanceOf(IllegalArgumentException.class);
            assertThat(node.processCount()).isZero();
        }
    }

    @Test
    void aFailingInitThrowsStartExceptionAndLeavesNoProcessBehind() {
        IllegalStateException failure = new IllegalStateException("cannot start");
        Probe failing = Probe.recording().onInit(self -> {
            throw failure;
        });
        Pid survivor = Probe.recording().spawn(node);

        assertThatThrownBy(() -> failing.spawn(node, SpawnOptions.defaults().withName("failing")))
                .isInstanceOfSatisfying(StartException.class, ex -> {
                    assertThat(ex.reason()).isEqualTo(ExitReason.crash(failure));
                    assertThat(ex.getCause()).isSameAs(failure);
                });

        assertThat(node.processes()).containsExactly(survivor);
        assertThat(node.whereis("failing")).as("the name is free again").isNull();
        assertThat(failing.terminations()).as("terminate does not run when init fails").isEmpty();
        Pid again = Probe.recording().spawn(node, SpawnOptions.defaults().withName("failing"));
        assertThat(node.whereis("failing")).isEqualTo(again);
    }

    @Test
    void stopInsideInitFailsTheStart() {
        Probe stopping = Probe.recording().onInit(self -> self.stop(ExitReason.other("not today")));

        assertThatThrownBy(() -> stopping.spawn(node))
                .isInstanceOfSatisfying(StartException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(ExitReason.other("not today")));
        assertThat(node.processCount()).isZero();
        assertThat(stopping.terminations()).isEmpty();
    }

    @Test
    void aSpawnLinkedChildWhoseInitFailsDoesNotTakeItsSpawnerDown() {
        Probe parent = Probe.recording();
        Pid pp = parent.spawn(node);
        Probe child = Probe.recording().onInit(self -> {
            throw new IllegalStateException("child failed");
        });

        Throwable thrown = parent.ask(self -> {
            try {
                self.spawnLink(child, SpawnOptions.defaults());
                return null;
            }
            catch (StartException ex) {
                return ex;
            }
        });

        assertThat(thrown).isInstanceOf(StartException.class);
        assertThat(pp.isAlive()).isTrue();
        assertThat(node.processes()).containsExactly(pp);
    }

    @Test
    void messagesSentDuringInitAreHandledAfterIt() {
        Probe probe = Probe.recording().onInit(self -> self.self().send("from init"));

        probe.spawn(node);

        assertThat(probe.next()).isEqualTo("from init");
    }

    @Test
    void aProcessKilledDuringInitFailsItsStart() throws Exception {
        Probe.Gate gate = new Probe.Gate();
        AtomicReference<Pid> starting = new AtomicReference<>();
        Probe slow = Probe.recording().onInit(self -> {
            starting.set(self.self());
            gate.pass();
        });
        ExecutorService spawner = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Pid> start = CompletableFuture.supplyAsync(() -> slow.spawn(node), spawner);
            gate.awaitEntered();
            Pid pid = starting.get();

            node.exit(pid, ExitReason.KILL);
            assertThat(pid.isAlive()).isFalse();
            gate.open();

            assertThatThrownBy(() -> start.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOfSatisfying(StartException.class,
                            ex -> assertThat(ex.reason()).isEqualTo(ExitReason.KILLED));
            assertThat(node.processCount()).isZero();
        }
        finally {
            gate.open();
            spawner.shutdownNow();
        }
    }

    @Test
    void stopRunsTerminateAfterTheMessagesAlreadyQueued() throws Exception {
        Probe.Gate gate = new Probe.Gate();
        Probe probe = Probe.reacting((self, message) -> {
            if ("first".equals(message)) {
                gate.pass();
            }
        });
        Pid pid = probe.spawn(node);
        pid.send("first");
        gate.awaitEntered();
        pid.send("second");
        pid.send("third");

        ExecutorService stopper = Executors.newSingleThreadExecutor();
        try (Probe.DeadLetterLog letters = Probe.deadLetters(node)) {
            CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(
                    () -> node.stop(pid, ExitReason.shutdown("done"), WAIT), stopper);
            // the stop request queues behind "third"; what is sent after it is not handled
            Probe.eventually().until(() -> node.mailboxSize(pid) == 3);
            pid.send("after the stop");
            gate.open();

            assertThat(stopped.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            assertThat(probe.received()).containsExactly("first", "second", "third");
            assertThat(probe.terminations()).containsExactly(ExitReason.shutdown("done"));
            assertThat(node.exitReason(pid)).isEqualTo(ExitReason.shutdown("done"));
            assertThat(letters.awaitLetter(Cause.RECIPIENT_DEAD, "after the stop").recipient()).isEqualTo(pid);
        }
        finally {
            gate.open();
            stopper.shutdownNow();
        }
    }

    @Test
    void stopOfABlockedProcessTimesOutAndTheProcessStopsLater() {
        Probe.Gate gate = new Probe.Gate();
        Probe probe = Probe.reacting((self, message) -> gate.pass());
        Pid pid = probe.spawn(node);
        pid.send("block");
        gate.awaitEntered();

        try {
            assertThat(node.stop(pid, ExitReason.SHUTDOWN, Duration.ofMillis(50))).isFalse();
            assertThat(pid.isAlive()).isTrue();
        }
        finally {
            gate.open();
        }
        assertThat(node.awaitExit(pid, WAIT)).isEqualTo(ExitReason.SHUTDOWN);
        assertThat(probe.terminations()).containsExactly(ExitReason.SHUTDOWN);
    }

    @Test
    void stoppingADeadProcessReturnsAtOnce() {
        Pid pid = Probe.recording().spawn(node);
        node.exit(pid, ExitReason.KILL);

        assertThat(node.stop(pid, ExitReason.SHUTDOWN, Duration.ZERO)).isTrue();
        assertThat(node.exitReason(pid)).isEqualTo(ExitReason.KILLED);
    }

    @Test
    void aCrashRunsTerminateWithTheCrashReason() {
        Probe probe = Probe.reacting((self, message) -> {
            throw new IllegalStateException("handler failed");
        });
        Pid pid = probe.spawn(node);

        pid.send("anything");

        ExitReason reason = node.awaitExit(pid, WAIT);
        assertThat(reason).isInstanceOf(ExitReason.Crash.class);
        assertThat(probe.terminations()).containsExactly(reason);
    }

    @Test
    void blankNodeNamesAreRefused() {
        assertThatThrownBy(() -> Node.start(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
