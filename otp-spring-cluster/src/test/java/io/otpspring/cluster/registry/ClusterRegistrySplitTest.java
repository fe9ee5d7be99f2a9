package io.otpspring.cluster.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.otpspring.cluster.FailureDetection;
import io.otpspring.cluster.LoopbackCluster;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Three members on Hazelcast's in-memory test network, one of them cut off from the other two and
 * then let back: what each conflict mode does on either side of the split, and after it heals.
 */
class ClusterRegistrySplitTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Down at once when cut off (the test network closes the connections); merges looked for every 2 s. */
    private static final FailureDetection FAST = new FailureDetection(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(2));

    private LoopbackCluster cluster;
    private LoopbackCluster.Member n1;
    private LoopbackCluster.Member n2;
    private LoopbackCluster.Member n3;
    private ClusterRegistry r1;
    private ClusterRegistry r2;
    private ClusterRegistry r3;

    private void start(String namespace, ConflictMode mode) {
        cluster = LoopbackCluster.splittable("split-" + namespace, FAST);
        n1 = cluster.start("n1", config -> ClusterRegistry.configure(config, namespace, mode, 2));
        n2 = cluster.start("n2", config -> ClusterRegistry.configure(config, namespace, mode, 2));
        n3 = cluster.start("n3", config -> ClusterRegistry.configure(config, namespace, mode, 2));
        await().atMost(WAIT).until(() -> List.of(n1, n2, n3).stream().allMatch(member -> member.cluster().nodes().size() == 3));
        r1 = ClusterRegistry.start(n1.cluster(), namespace, mode);
        r2 = ClusterRegistry.start(n2.cluster(), namespace, mode);
        r3 = ClusterRegistry.start(n3.cluster(), namespace, mode);
    }

    @AfterEach
    void stop() {
        List.of(r1, r2, r3).forEach(ClusterRegistry::close);
        cluster.close();
    }

    private void splitOffN3() {
        cluster.split(n3);
        await().atMost(WAIT).until(() -> !n1.cluster().isConnected("n3") && !n2.cluster().isConnected("n3")
                && !n3.cluster().isConnected("n1") && !n3.cluster().isConnected("n2"));
    }

    private void heal() {
        cluster.heal();
        await().atMost(WAIT).until(() -> List.of(n1, n2, n3).stream().allMatch(member -> member.cluster().nodes().size() == 3));
    }

    /** Every node sees {@code expected} as the live names of the namespace. */
    private void awaitNamesEverywhere(Map<String, Pid> expected) {
        await().atMost(WAIT).untilAsserted(() -> {
            for (ClusterRegistry registry : List.of(r1, r2, r3)) {
                assertThat(registry.names()).as("names on %s", registry).isEqualTo(expected);
            }
        });
    }

    private static ExitReason awaitExit(LoopbackCluster.Member member, Pid pid) {
        return member.node().awaitExit(pid, WAIT);
    }

    @Test
    void aQuorumNamespaceRefusesChangesOnTheMinorityAndTheMajorityKeepsItsNamesAfterTheSplitHeals() {
        start("quorum", ConflictMode.QUORUM);
        // names whose first copy n3 keeps, so that its side of the split still has them
        String kept = n3.keyOwnedHere("kept");
        String exiting = n3.keyOwnedHere("exiting");
        String brief = n3.keyOwnedHere("brief");
        Pid keeper = Echo.start(n3.node());
        Pid contested = Echo.start(n3.node());
        Pid leaving = Echo.start(n1.node());
        Pid briefly = Echo.start(n3.node());
        r3.register(kept, keeper);
        r3.register("contested", contested);
        r1.register(exiting, leaving);
        r3.register(brief, briefly);
        awaitNamesEverywhere(Map.of(kept, keeper, "contested", contested, exiting, leaving, brief, briefly));

        splitOffN3();

        Pid refused = Echo.start(n3.node());
        await().atMost(WAIT).untilAsserted(() -> assertThatThrownBy(() -> r3.register("refused", refused))
                .isInstanceOf(QuorumLostException.class).hasMessageContaining("fewer than 2 members"));
        assertThatThrownBy(() -> r3.unregister(kept)).isInstanceOf(QuorumLostException.class);
        assertThat(r3.whereis(kept)).as("lookups answer on the minority").isEqualTo(keeper);
        n3.node().exit(briefly, ExitReason.other("bye"));
        await().atMost(WAIT).until(() -> r3.whereis(brief) == null);
        // the majority frees the cut-off node's names, gives one to another process, and loses one of its own;
        // the exits on either side cannot be written down on the minority, whose copy comes back with the merge
        await().atMost(WAIT).until(() -> r1.whereis("contested") == null);
        Pid winner = Echo.start(n2.node());
        r2.register("contested", winner);
        n1.node().exit(leaving, ExitReason.other("bye"));
        await().atMost(WAIT).until(() -> r2.whereis(exiting) == null);

        heal();

        assertThat(awaitExit(n3, contested)).isEqualTo(ClusterRegistry.conflictReason("contested"));
        awaitNamesEverywhere(Map.of(kept, keeper, "contested", winner));
        await().atMost(WAIT).untilAsserted(() -> assertThat(n1.hazelcast().getMap("otp.registry.quorum").keySet())
                .as("the minority's copies of freed names do not come back").containsExactlyInAnyOrder(kept, "contested"));
        r3.register("refused", refused);
        assertThat(r1.whereis("refused")).isEqualTo(refused);
    }

    @Test
    void afterASplitHealsTheEarlierRegistrationOfANameKeepsItAndTheOtherProcessIsStopped() {
        start("resolve", ConflictMode.RESOLVE_AFTER_MERGE);
        splitOffN3();

        // "x": first on the minority, then on the majority; "y": the other way round
        Pid x3 = Echo.start(n3.node());
        r3.register("x", x3);
        Pid y1 = Echo.start(n1.node());
        r1.register("y", y1);
        awaitClusterTimePast(n3.hazelcast().getCluster().getClusterTime(), n1);
        awaitClusterTimePast(n1.hazelcast().getCluster().getClusterTime(), n3);
        Pid x1 = Echo.start(n1.node());
        r1.register("x", x1);
        Pid y3 = Echo.start(n3.node());
        r3.register("y", y3);
        assertThat(r2.whereis("x")).isEqualTo(x1);
        assertThat(r3.whereis("y")).isEqualTo(y3);

        heal();

        assertThat(awaitExit(n1, x1)).isEqualTo(ClusterRegistry.conflictReason("x"));
        assertThat(awaitExit(n3, y3)).isEqualTo(ClusterRegistry.conflictReason("y"));
        awaitNamesEverywhere(Map.of("x", x3, "y", y1));
        assertThat(x3.isAlive()).isTrue();
        assertThat(y1.isAlive()).isTrue();
        assertThat(GenServer.<String>call(r1.via("x"), "ping", WAIT)).isEqualTo("ping from n3");
        // the node that merged still hears of changes made elsewhere
        r1.unregister("x");
        await().atMost(WAIT).until(() -> r3.heldHere().isEmpty());
    }

    private static void awaitClusterTimePast(long time, LoopbackCluster.Member member) {
        await().atMost(WAIT).until(() -> member.hazelcast().getCluster().getClusterTime() > time);
    }
}
