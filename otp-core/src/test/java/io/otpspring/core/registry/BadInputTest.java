package io.otpspring.core.registry;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.Probe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.otpspring.core.process.Probe.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input fails at once, with a message that says what is wrong, and changes nothing. */
class BadInputTest {

    private Node node;
    private Registry<String, String> users;
    private Registry<String, String> topics;
    private Pid pid;

    @BeforeEach
    void start() {
        node = Node.start("registry-bad-input-test");
        users = Registry.unique(node, "users");
        topics = Registry.duplicate(node, "topics");
        pid = Probe.recording().spawn(node);
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    @Test
    void nullsAreRefusedByName() {
        assertThatNullPointerException().isThrownBy(() -> users.register(null, pid, "v")).withMessage("key");
        assertThatNullPointerException().isThrownBy(() -> users.register("k", null, "v")).withMessage("pid");
        assertThatNullPointerException().isThrownBy(() -> users.unregister(null, pid)).withMessage("key");
        assertThatNullPointerException().isThrownBy(() -> users.lookup(null)).withMessage("key");
        assertThatNullPointerException().isThrownBy(() -> users.whereis(null)).withMessage("key");
        assertThatNullPointerException().isThrownBy(() -> users.keys(null)).withMessage("pid");
        assertThatNullPointerException().isThrownBy(() -> users.select(null)).withMessage("keys");
        assertThatNullPointerException().isThrownBy(() -> users.match("k", null)).withMessage("value");
        assertThatNullPointerException().isThrownBy(() -> topics.dispatch("k", null)).withMessage("action");
        assertThatNullPointerException().isThrownBy(() -> users.updateValue("k", pid, null)).withMessage("update");
        assertThatNullPointerException().isThrownBy(() -> users.via(null)).withMessage("key");
        assertThatNullPointerException().isThrownBy(() -> Registry.create(null, RegistrySpec.unique("x"))).withMessage("node");
        assertThatNullPointerException().isThrownBy(() -> RegistrySpec.unique(null)).withMessage("namespace");
        assertThatNullPointerException().isThrownBy(() -> new RegistrySpec("x", null, 1)).withMessage("keys");
    }

    @Test
    void aDeadProcessIsRefused() {
        node.exit(pid, ExitReason.KILL);
        node.awaitExit(pid, WAIT);

        assertThatThrownBy(() -> users.register("alice", pid, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(pid + " is not alive");
        assertThatThrownBy(() -> topics.register("news", pid, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not alive");
        assertThatThrownBy(() -> users.via("alice").register(pid)).isInstanceOf(IllegalArgumentException.class);
        assertThat(users.storedEntries() + topics.storedEntries()).isZero();
        assertThat(users.trackedProcesses() + topics.trackedProcesses()).isZero();
    }

    @Test
    void aProcessOfAnotherNodeIsRefused() {
        try (Node other = Node.start("another-node")) {
            Pid foreign = Probe.recording().spawn(other);

            assertThatThrownBy(() -> users.register("alice", foreign, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong to node");
        }
        assertThat(users.storedEntries()).isZero();
        assertThat(users.trackedProcesses()).isZero();
    }

    @Test
    void uniqueOnlyOperationsOnDuplicateKeysSaySo() {
        topics.register("news", pid, null);

        assertThatThrownBy(() -> topics.whereis("news"))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("whereis needs unique keys");
        assertThatThrownBy(() -> topics.via("news"))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("via needs unique keys");
        assertThatThrownBy(() -> topics.updateValue("news", pid, value -> "x"))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("updateValue needs unique keys");
    }

    @Test
    void updateValueNeedsAnEntryOfThatProcess() {
        Pid holder = Probe.recording().spawn(node);
        users.register("alice", holder, "mine");

        assertThatThrownBy(() -> users.updateValue("alice", pid, value -> "stolen"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(pid + " holds no entry under alice");
        assertThatThrownBy(() -> users.updateValue("bob", holder, value -> "nobody's"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds no entry under bob");
        assertThatThrownBy(() -> users.updateValue("alice", holder, value -> {
            throw new IllegalStateException("a failing update");
        })).hasMessage("a failing update");

        assertThat(users.lookup("alice")).containsExactly(new Entry<>("alice", holder, "mine"));
    }

    @Test
    void aBadSpecIsRefused() {
        assertThatThrownBy(() -> RegistrySpec.unique(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("namespace must not be blank");
        assertThatThrownBy(() -> RegistrySpec.duplicate("topics").withPartitions(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one partition");
    }

    @Test
    void anExceptionFromADispatchReachesTheCaller() {
        topics.register("news", pid, null);

        assertThatThrownBy(() -> topics.dispatch("news", entry -> {
            throw new IllegalStateException("a failing subscriber action");
        })).hasMessage("a failing subscriber action");
        assertThat(topics.count("news")).isEqualTo(1);
    }
}
