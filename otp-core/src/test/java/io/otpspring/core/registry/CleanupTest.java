package io.otpspring.core.registry;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.otpspring.core.process.Down;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.Probe;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.Restart;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.core.supervision.SupervisorSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.otpspring.core.process.Probe.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An entry goes when its process exits, however it exits, before a monitor hears of the exit;
 * and in the instant between the death and the cleanup, no read shows it.
 */
class CleanupTest {

    /** How the registered process ends. */
    enum Ending {
        CRASH, KILL, NORMAL, SHUTDOWN_BY_SUPERVISOR
    }

    /** What a monitor found in the registry when the {@code Down} arrived. */
    record Seen(Down down, List<Entry<String, String>> lookup, List<String> keys, int count, int stored, int tracked) {
    }

    private Node node;

    @BeforeEach
    void startNode() {
        node = Node.start("registry-cleanup-test");
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Ending.class)
    void uniqueEntriesAreGoneBeforeMonitorsHearOfTheExit(Ending ending) throws Exception {
        entriesAreGoneBeforeMonitorsHearOfTheExit(Keys.UNIQUE, ending);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Ending.class)
    void duplicateEntriesAreGoneBeforeMonitorsHearOfTheExit(Ending ending) throws Exception {
        entriesAreGoneBeforeMonitorsHearOfTheExit(Keys.DUPLICATE, ending);
    }

    private void entriesAreGoneBeforeMonitorsHearOfTheExit(Keys keys, Ending ending) throws Exception {
        Registry<String, String> registry = Registry.create(node, new RegistrySpec("cleanup", keys, 4));
        Pid supervisor = Supervisor.start(node, SupervisorSpec.oneForOne(
                ChildSpec.of("worker", (on, options) -> Probe.crashable().spawn(on, options)).withRestart(Restart.TEMPORARY)));
        Pid worker = Supervisor.whichChildren(supervisor).getFirst().pid();
        Pid bystander = Probe.recording().spawn(node);
        registry.register("alice", worker, "a");
        registry.register("bob", worker, "b");
        registry.register("carol", bystander, "c");
        CompletableFuture<Seen> seen = new CompletableFuture<>();
        Probe watcher = Probe.reacting((self, message) -> {
            if (message instanceof Down down) {
                seen.complete(new Seen(down, registry.lookup("alice"), registry.keys(worker), registry.count(),
                        registry.storedEntries(), registry.trackedProcesses()));
            }
        });
        watcher.spawn(node);
        watcher.act(self -> self.monitor(worker));

        switch (ending) {
            case CRASH -> worker.send("crash");
            case KILL -> node.exit(worker, ExitReason.KILL);
            case NORMAL -> worker.send(ExitReason.NORMAL);
            case SHUTDOWN_BY_SUPERVISOR -> Supervisor.terminateChild(supervisor, "worker");
        }

        Seen atDown = seen.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(atDown.down().pid()).isEqualTo(worker);
        assertThat(atDown.lookup()).isEmpty();
        assertThat(atDown.keys()).isEmpty();
        assertThat(atDown.count()).as("only the bystander's entry is left").isEqualTo(1);
        assertThat(atDown.stored()).as("removed, not just hidden").isEqualTo(1);
        assertThat(atDown.tracked()).as("the dead process's record is gone").isEqualTo(1);
        assertThat(registry.lookup("carol")).containsExactly(new Entry<>("carol", bystander, "c"));
        Pid next = Probe.recording().spawn(node);
        assertThat(registry.register("alice", next, "a2")).isEqualTo(new Registration.Ok(next));
    }

    /**
     * Another exit listener, attached first, holds the registry's listener back: the holder is
     * dead but its entry still stored. A new registrant takes the key; the late listener then
     * removes only the dead holder's own entry.
     */
    @Test
    void aKeyWhoseHolderIsDeadGoesToTheNextRegistrantAndTheLateCleanupSparesIt() throws Exception {
        Registry<String, String> users = Registry.unique(node, "users");
        Pid old = Probe.recording().spawn(node);
        Probe.Gate gate = new Probe.Gate();
        node.addExitListener(old, (pid, reason) -> gate.pass());
        users.register("alice", old, "old");

        CompletableFuture<Void> killing = CompletableFuture.runAsync(() -> node.exit(old, ExitReason.KILL));
        Pid next = Probe.recording().spawn(node);
        try {
            gate.awaitEntered();

            assertThat(old.isAlive()).isFalse();
            assertThat(users.storedEntries()).as("not yet cleaned up").isEqualTo(1);
            assertThat(users.lookup("alice")).as("but no read shows it").isEmpty();
            assertThat(users.whereis("alice")).isNull();
            assertThat(users.keys(old)).isEmpty();
            assertThat(users.count()).isZero();
            assertThat(users.entries()).isEmpty();
            assertThat(users.register("alice", next, "new")).isEqualTo(new Registration.Ok(next));
        }
        finally {
            gate.open();
        }
        killing.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(users.lookup("alice")).containsExactly(new Entry<>("alice", next, "new"));
        assertThat(users.storedEntries()).isEqualTo(1);
        assertThat(users.trackedProcesses()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Keys.class)
    void aDeadProcessWhoseCleanupIsPendingIsRefusedAndHiddenFromEveryRead(Keys keys) throws Exception {
        Registry<String, String> registry = Registry.create(node, new RegistrySpec("pending", keys, 2));
        Pid dead = Probe.recording().spawn(node);
        Probe.Gate gate = new Probe.Gate();
        node.addExitListener(dead, (pid, reason) -> gate.pass());
        registry.register("news", dead, null);
        CompletableFuture<Void> killing = CompletableFuture.runAsync(() -> node.exit(dead, ExitReason.KILL));
        try {
            gate.awaitEntered();

            assertThatThrownBy(() -> registry.register("weather", dead, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not alive");
            assertThat(registry.lookup("news")).isEmpty();
            assertThat(registry.count("news")).isZero();
            assertThat(registry.dispatch("news", entry -> { throw new AssertionError("dispatched to " + entry); })).isZero();
            assertThat(registry.select(key -> true)).isEmpty();
            assertThat(registry.match("news", value -> true)).isEmpty();
        }
        finally {
            gate.open();
        }
        killing.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(registry.storedEntries()).isZero();
        assertThat(registry.trackedProcesses()).isZero();
    }

    @Test
    void closingTheNodeEmptiesItsRegistries() {
        Registry<String, String> users = Registry.unique(node, "users");
        Registry<String, String> topics = Registry.duplicate(node, "topics");
        for (int i = 0; i < 10; i++) {
            Pid pid = Probe.recording().spawn(node);
            users.register("user-" + i, pid, null);
            topics.register("news", pid, null);
        }

        node.close();

        assertThat(users.storedEntries() + topics.storedEntries()).isZero();
        assertThat(users.trackedProcesses() + topics.trackedProcesses()).isZero();
    }
}
