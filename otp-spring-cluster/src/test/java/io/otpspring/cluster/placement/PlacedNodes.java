package io.otpspring.cluster.placement;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.otpspring.cluster.LoopbackCluster;
import io.otpspring.cluster.placement.Counter.Tally;
import io.otpspring.cluster.transport.Members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Members of a loopback cluster, each running the distributed supervisor {@code counters} of {@link Counter}s. */
final class PlacedNodes implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final LoopbackCluster cluster;
    private final DistributedSupervisorSpec spec;
    private final Map<String, LoopbackCluster.Member> members = new LinkedHashMap<>();
    private final Map<String, DistributedSupervisor<Tally>> supervisors = new LinkedHashMap<>();

    PlacedNodes(String name, DistributedSupervisorSpec spec) {
        this.cluster = new LoopbackCluster(name);
        this.spec = spec;
    }

    /** Starts a member named {@code node} and its part of the supervisor; returns once every member sees it. */
    DistributedSupervisor<Tally> join(String node) {
        LoopbackCluster.Member member = cluster.start(node);
        members.put(node, member);
        awaitFormed();
        DistributedSupervisor<Tally> supervisor = DistributedSupervisor.start(member.cluster(), "counters", Counter::new, spec);
        supervisors.put(node, supervisor);
        return supervisor;
    }

    /** Crashes member {@code node}, as a dead JVM. */
    void crash(String node) {
        supervisors.remove(node);
        members.remove(node).crash();
    }

    DistributedSupervisor<Tally> supervisor(String node) {
        return supervisors.get(node);
    }

    LoopbackCluster.Member member(String node) {
        return members.get(node);
    }

    /** The node owning {@code key}'s partition, as the first member sees it. */
    String ownerOf(String key) {
        return Members.nameOf(members.values().iterator().next().hazelcast().getPartitionService().getPartition(key).getOwner());
    }

    /** Which node runs each key, from every live node's own processes; fails when a key runs on two. */
    Map<String, String> running() {
        Map<String, String> nodeByKey = new TreeMap<>();
        supervisors.forEach((node, supervisor) -> supervisor.localChildren().keySet().forEach(key -> {
            String other = nodeByKey.put(key, node);
            assertThat(other).as("key %s runs on %s and on %s", key, other, node).isNull();
        }));
        return nodeByKey;
    }

    /** Waits until every member sees all the others and no partition is migrating. */
    void awaitFormed() {
        await().atMost(WAIT).until(() -> members.values().stream()
                .allMatch(member -> member.cluster().nodes().equals(members.keySet())
                        && member.hazelcast().getPartitionService().isClusterSafe()));
    }

    @Override
    public void close() {
        cluster.close();
    }
}
