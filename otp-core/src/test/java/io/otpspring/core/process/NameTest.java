package io.otpspring.core.process;

import io.otpspring.core.process.DeadLetter.Cause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.otpspring.core.process.Probe.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class NameTest {

    private Node node;

    @BeforeEach
    void startNode() {
        node = Node.start("name-test");
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    @Test
    void registerWhereisAndUnregister() {
        Pid pid = Probe.recording().spawn(node);
        assertThat(node.whereis("worker")).isNull();

        node.register("worker", pid);
        assertThat(node.whereis("worker")).isEqualTo(pid);
        assertThat(node.named("worker").resolve()).isEqualTo(pid);
        assertThat(node.registeredNames()).containsExactly(entry("worker", pid));

        node.unregister("worker");
        assertThat(node.whereis("worker")).isNull();
        assertThat(node.named("worker").resolve()).isNull();
        assertThat(node.registeredNames()).isEmpty();
        assertThat(pid.isAlive()).as("unregistering does not touch the process").isTrue();
    }

    @Test
    void spawnWithANameRegistersIt() {
        Pid a = Probe.recording().spawn(node, SpawnOptions.defaults().withName("a"));
        Pid b = Probe.recording().spawn(node, SpawnOptions.defaults().withName("b"));
        Probe.recording().spawn(node);

        assertThat(node.whereis("a")).isEqualTo(a);
        assertThat(node.registeredNames()).containsExactly(entry("a", a), entry("b", b));
    }

    @Test
    void aTakenNameIsRefusedWithItsHolder() {
        Pid holder = Probe.recording().spawn(node, SpawnOptions.defaults().withName("taken"));
        Pid other = Probe.recording().spawn(node);
        int before = node.processCount();

        assertThatThrownBy(() -> node.spawn(Probe.recording(), SpawnOptions.defaults().withName("taken")))
                .isInstanceOfSatisfying(NameTakenException.class, ex -> assertThat(ex.holder()).isEqualTo(holder));
        assertThatThrownBy(() -> node.register("taken", other))
                .isInstanceOfSatisfying(NameTakenException.class, ex -> assertThat(ex.holder()).isEqualTo(holder));

        assertThat(node.processCount()).as("a refused spawn leaves no process behind").isEqualTo(before);
        assertThat(node.whereis("taken")).isEqualTo(holder);
    }

    @Test
    void aDeadProcessCannotBeRegistered() {
        Pid pid = Probe.recording().spawn(node);
        node.exit(pid, ExitReason.KILL);

        assertThatThrownBy(() -> node.register("ghost", pid)).isInstanceOf(IllegalArgumentException.class);
        assertThat(node.whereis("ghost")).isNull();
    }

    @Test
    void sendByName() {
        Probe probe = Probe.recording();
        probe.spawn(node, SpawnOptions.defaults().withName("inbox"));

        node.named("inbox").send("hello");
        node.named("inbox").send("world");

        assertThat(probe.next()).isEqualTo("hello");
        assertThat(probe.next()).isEqualTo("world");
    }

    @Test
    void sendingToAnUnknownNameIsADeadLetter() throws Exception {
        try (Probe.DeadLetterLog letters = Probe.deadLetters(node)) {
            long before = node.deadLetters().count();

            node.named("nobody").send("lost");

            DeadLetter letter = letters.awaitLetter(Cause.NO_SUCH_NAME, "lost");
            assertThat(letter.recipient()).isNull();
            assertThat(node.deadLetters().count()).isEqualTo(before + 1);
        }
    }

    @Test
    void theNameOfAnUnsupervisedProcessIsFreedWhenItDies() throws Exception {
        Pid first = Probe.recording().spawn(node, SpawnOptions.defaults().withName("svc"));

        node.exit(first, ExitReason.other("crash"));

        assertThat(node.awaitExit(first, WAIT)).isEqualTo(ExitReason.other("crash"));
        assertThat(node.whereis("svc")).isNull();
        assertThat(node.named("svc").resolve()).isNull();
        assertThat(node.registeredNames()).doesNotContainKey("svc");
        try (Probe.DeadLetterLog letters = Probe.deadLetters(node)) {
            node.named("svc").send("to nobody");
            letters.awaitLetter(Cause.NO_SUCH_NAME, "to nobody");
        }

        Probe second = Probe.recording();
        Pid next = second.spawn(node, SpawnOptions.defaults().withName("svc"));
        node.named("svc").send("to the new one");
        assertThat(second.next()).isEqualTo("to the new one");
        assertThat(node.whereis("svc")).isEqualTo(next);
    }

    /**
     * A name given with {@link Node#register} must be freed on death like one given at spawn: in
     * Erlang a registered name is removed when its process exits.
     */
    @Test
    void aNameRegisteredAfterSpawnIsFreedWhenTheProcessDies() throws Exception {
        Pid pid = Probe.recording().spawn(node);
        node.register("late-name", pid);

        node.exit(pid, ExitReason.KILL);

        assertThat(node.awaitExit(pid, WAIT)).isEqualTo(ExitReason.KILLED);
        assertThat(node.whereis("late-name")).isNull();
        assertThat(node.registeredNames()).doesNotContainKey("late-name");
        assertThat(node.named("late-name").resolve()).as("nothing answers to the name").isNull();
        try (Probe.DeadLetterLog letters = Probe.deadLetters(node)) {
            node.named("late-name").send("to nobody");
            letters.awaitLetter(Cause.NO_SUCH_NAME, "to nobody");
        }
    }

    @Test
    void theDeathOfAFormerHolderDoesNotFreeTheNameOfTheNewHolder() {
        Pid old = Probe.recording().spawn(node, SpawnOptions.defaults().withName("shared"));
        node.unregister("shared");
        Probe fresh = Probe.recording();
        Pid current = fresh.spawn(node, SpawnOptions.defaults().withName("shared"));

        node.exit(old, ExitReason.KILL);
        assertThat(node.awaitExit(old, WAIT)).isEqualTo(ExitReason.KILLED);

        assertThat(node.whereis("shared")).isEqualTo(current);
        node.named("shared").send("ping");
        assertThat(fresh.next()).isEqualTo("ping");
    }
}
