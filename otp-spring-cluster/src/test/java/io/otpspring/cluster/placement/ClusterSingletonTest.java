package io.otpspring.cluster.placement;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.otpspring.cluster.LoopbackCluster;
import io.otpspring.cluster.placement.Counter.Tally;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.Pid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.otpspring.cluster.placement.PlacedNodes.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A singleton on three real Hazelcast members on loopback. */
class ClusterSingletonTest {

    private final LoopbackCluster cluster = new LoopbackCluster("singleton");
    private final Map<String, LoopbackCluster.Member> members = new LinkedHashMap<>();
    private final Map<String, ClusterSingleton<Tally>> singletons = new LinkedHashMap<>();

    @AfterEach
    void stop() {
        cluster.close();
    }

    private void join(String node) {
        members.put(node, cluster.start(node));
        awaitSafe();
        singletons.put(node, ClusterSingleton.start(members.get(node).cluster(), "leader", Counter::new,
                DistributedSupervisorSpec.defaults().withReconcileInterval(Duration.ofSeconds(1))));
    }

    /** Waits until every member sees all the others and each partition has its backup. */
    private void awaitSafe() {
        await().atMost(WAIT).until(() -> members.values().stream().allMatch(member -> member.cluster().nodes().equals(members.keySet())
                && member.hazelcast().getPartitionService().isClusterSafe()));
    }

    @Test
    void oneProcessServesEveryNodeAndFailsOverWithItsState() {
        join("a");
        join("b");
        join("c");
        singletons.values().forEach(singleton -> GenServer.call(singleton.ref(), "incr", WAIT));

        Pid leader = singletons.get("a").whereis();
        assertThat(singletons.values()).allSatisfy(singleton -> assertThat(singleton.whereis()).isEqualTo(leader));
        assertThat(GenServer.<Integer>call(singletons.get("b").ref(), "get", WAIT)).as("one counter for all").isEqualTo(3);

        awaitSafe();
        String crashed = leader.node();
        singletons.remove(crashed);
        members.remove(crashed).crash();

        ClusterSingleton<Tally> survivor = singletons.values().iterator().next();
        await().atMost(WAIT).until(() -> survivor.whereis() != null);
        Pid successor = survivor.whereis();
        assertThat(successor.node()).isNotEqualTo(crashed);
        assertThat(singletons.values()).allSatisfy(singleton -> assertThat(singleton.whereis()).isEqualTo(successor));
        assertThat(GenServer.<Integer>call(survivor.ref(), "get", WAIT)).isEqualTo(3);
        assertThat(survivor.placement().node()).isEqualTo(successor.node());
    }

    @Test
    void itStartsAfreshWhenItsRecordIsLost() {
        join("a");
        join("b");
        GenServer.call(singletons.get("a").ref(), "incr", WAIT);
        Pid lost = singletons.get("a").whereis();

        // as when the only member holding it crashes before its backup was made
        members.get("a").hazelcast().getMap(Slots.PREFIX + "singleton.leader").delete("leader");

        await().atMost(WAIT).until(() -> singletons.get("b").whereis() != null && !singletons.get("b").whereis().equals(lost));
        assertThat(lost.isAlive()).isFalse();
        assertThat(GenServer.<Integer>call(singletons.get("b").ref(), "get", WAIT)).isZero();
    }
}
