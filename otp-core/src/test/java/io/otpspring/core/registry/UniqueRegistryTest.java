package io.otpspring.core.registry;

import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.Probe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reads and changes of a registry of unique keys. */
class UniqueRegistryTest {

    private Node node;
    private Registry<String, String> users;

    @BeforeEach
    void start() {
        node = Node.start("unique-registry-test");
        users = Registry.unique(node, "users");
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    @Test
    void registerLookupWhereisAndUnregister() {
        Pid alice = Probe.recording().spawn(node);

        assertThat(users.register("alice", alice, "online")).isEqualTo(new Registration.Ok(alice));
        assertThat(users.lookup("alice")).containsExactly(new Entry<>("alice", alice, "online"));
        assertThat(users.whereis("alice")).isEqualTo(alice);
        assertThat(users.keys(alice)).containsExactly("alice");
        assertThat(users.count()).isEqualTo(1);
        assertThat(users.count("alice")).isEqualTo(1);

        assertThat(users.unregister("alice", alice)).isTrue();
        assertThat(users.unregister("alice", alice)).as("nothing left to unregister").isFalse();
        assertThat(users.lookup("alice")).isEmpty();
        assertThat(users.whereis("alice")).isNull();
        assertThat(users.keys(alice)).isEmpty();
        assertThat(users.count()).isZero();
        assertThat(users.trackedProcesses()).as("no listener left once the last key is gone").isZero();
        assertThat(alice.isAlive()).as("unregistering does not touch the process").isTrue();
    }

    @Test
    void aHeldKeyIsTakenAndTheResultNamesItsHolder() {
        Pid holder = Probe.recording().spawn(node);
        Pid other = Probe.recording().spawn(node);
        users.register("alice", holder, "first");

        Registration taken = users.register("alice", other, "second");

        assertThat(taken).isEqualTo(new Registration.Taken(holder));
        assertThat(taken.isOk()).isFalse();
        assertThat(taken.owner()).isEqualTo(holder);
        assertThat(users.register("alice", holder, "again")).as("as Elixir: already registered, by itself")
                .isEqualTo(new Registration.Taken(holder));
        assertThat(users.lookup("alice")).containsExactly(new Entry<>("alice", holder, "first"));
        assertThat(users.keys(other)).isEmpty();
        assertThat(users.trackedProcesses()).as("the loser keeps no listener").isEqualTo(1);
    }

    @Test
    void aProcessMayHoldManyKeysRegisteredByAnyThread() {
        Pid session = Probe.recording().spawn(node);
        Pid other = Probe.recording().spawn(node);

        users.register("alice", session, "web");
        users.register("alice@mobile", session, "mobile");
        users.register("bob", other, null);

        assertThat(users.keys(session)).containsExactly("alice", "alice@mobile");
        assertThat(users.count()).isEqualTo(3);
        assertThat(users.lookup("bob")).containsExactly(new Entry<>("bob", other, null));
        assertThat(users.trackedProcesses()).isEqualTo(2);

        users.unregister("alice", session);
        assertThat(users.keys(session)).containsExactly("alice@mobile");
        assertThat(users.trackedProcesses()).as("one listener per process while it holds a key").isEqualTo(2);
    }

    @Test
    void selectMatchAndEntries() {
        Pid alice = Probe.recording().spawn(node);
        Pid bob = Probe.recording().spawn(node);
        Pid carol = Probe.recording().spawn(node);
        users.register("user:alice", alice, "admin");
        users.register("user:bob", bob, "guest");
        users.register("robot:carol", carol, "admin");

        assertThat(users.select(key -> key.startsWith("user:")))
                .containsExactlyInAnyOrder(new Entry<>("user:alice", alice, "admin"), new Entry<>("user:bob", bob, "guest"));
        assertThat(users.match("user:alice", "admin"::equals)).containsExactly(new Entry<>("user:alice", alice, "admin"));
        assertThat(users.match("user:bob", "admin"::equals)).isEmpty();
        assertThat(users.entries()).extracting(Entry::pid).containsExactlyInAnyOrder(alice, bob, carol);
        assertThat(users.entries(2)).hasSize(2).isSubsetOf(users.entries());
        assertThat(users.entries(0)).isEmpty();
        assertThatThrownBy(() -> users.entries(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(users.dispatch("user:bob", entry -> entry.pid().send("hi " + entry.value()))).isEqualTo(1);
    }

    @Test
    void updateValueReplacesTheHoldersValueAndReturnsIt() {
        Registry<String, Integer> counters = Registry.unique(node, "counters");
        Pid pid = Probe.recording().spawn(node);
        counters.register("visits", pid, 0);

        assertThat(counters.updateValue("visits", pid, n -> n + 1)).isEqualTo(1);
        assertThat(counters.updateValue("visits", pid, n -> n + 1)).isEqualTo(2);

        assertThat(counters.lookup("visits")).containsExactly(new Entry<>("visits", pid, 2));
        counters.unregister("visits", pid);
        assertThat(counters.storedEntries()).as("the updated entry is the one removed").isZero();
    }

    @Test
    void readsReturnSnapshots() {
        Pid alice = Probe.recording().spawn(node);
        users.register("alice", alice, "online");
        var before = users.lookup("alice");

        users.unregister("alice", alice);

        assertThat(before).containsExactly(new Entry<>("alice", alice, "online"));
        assertThat(users.entries()).isEmpty();
    }
}
