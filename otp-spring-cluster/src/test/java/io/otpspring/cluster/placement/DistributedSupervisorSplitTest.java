package io.otpspring.cluster.placement;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.otpspring.cluster.FailureDetection;
import io.otpspring.cluster.LoopbackCluster;
import io.otpspring.cluster.placement.Counter.Tally;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import io.otpspring.core.supervision.ChildInfo;
import io.otpspring.core.supervision.DynamicSupervisor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.otpspring.cluster.placement.PlacedNodes.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three members on Hazelcast's in-memory test network, one of them cut off from the other two and
 * then let back, each running the supervisor {@code counters} and the singleton {@code leader}.
 *
 * <p>Which state wins: the placement maps keep Hazelcast's default merge policy,
 * {@code PutIfAbsentMergePolicy}, and Hazelcast merges the smaller side into the larger one. So a
 * key known on both sides keeps the majority's slot (its node, epoch, pid and saved state), and the
 * minority's process of it, whose (node, epoch) the merged slot no longer names, is fenced; a key
 * only the minority knew is added with the minority's slot.
 */
class DistributedSupervisorSplitTest {

    /** Down at once when cut off (the test network closes the connections); merges looked for every 2 s. */
    private static final FailureDetection FAST = new FailureDetection(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(2));
    private static final DistributedSupervisorSpec SPEC = DistributedSupervisorSpec.defaults()
            .withReconcileInterval(Duration.ofSeconds(1));
    private static final List<String> KEYS = IntStream.range(0, 12).mapToObj(i -> "key-" + i).toList();
    private static final String SINGLETON = "leader";

    private final LoopbackCluster cluster = LoopbackCluster.splittable("placement-split", FAST);
    private final Map<String, LoopbackCluster.Member> members = new LinkedHashMap<>();
    private final Map<String, DistributedSupervisor<Tally>> supervisors = new LinkedHashMap<>();
    private final Map<String, ClusterSingleton<Tally>> singletons = new LinkedHashMap<>();

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void afterASplitHealsEveryKeyAndTheSingletonRunOnceWithTheMajoritysState() {
        for (String node : List.of("n1", "n2", "n3")) {
            members.put(node, cluster.start(node));
        }
        awaitFormed();
        members.forEach((node, member) -> supervisors.put(node, DistributedSupervisor.start(member.cluster(), "counters", Counter::new, SPEC)));
        // at once, as separate instances would: a singleton's start waits for it to run on its owner, maybe another member
        Map<String, CompletableFuture<ClusterSingleton<Tally>>> starting = new LinkedHashMap<>();
        members.forEach((node, member) -> starting.put(node,
                CompletableFuture.supplyAsync(() -> ClusterSingleton.start(member.cluster(), SINGLETON, Counter::new, SPEC))));
        starting.forEach((node, singleton) -> singletons.put(node, singleton.join()));
        DistributedSupervisor<Tally> n1 = supervisors.get("n1");
        DistributedSupervisor<Tally> n3 = supervisors.get("n3");
        KEYS.forEach(key -> GenServer.call(n1.startChild(key), "incr", WAIT));
        assertThat(Set.copyOf(running(supervisors.keySet()).values())).as("keys on every side").contains("n1", "n3");

        split("n3");

        // each side runs every key as its own, saving: the majority counts 1 + 2, the minority 1 + 5 (or 5
        // from scratch, for a key whose copies were all on the majority), and each side starts a key of its own
        Map<String, Pid> majority = new TreeMap<>();
        Map<String, Pid> minority = new TreeMap<>();
        for (String key : KEYS) {
            majority.put(key, n1.startChild(key));
            minority.put(key, n3.startChild(key));
        }
        majority.put("only-majority", n1.startChild("only-majority"));
        minority.put("only-minority", n3.startChild("only-minority"));
        majority.forEach((key, pid) -> {
            assertThat(pid.node()).as(key).isIn("n1", "n2");
            for (int i = 0; i < 2; i++) {
                GenServer.call(pid, "incr", WAIT);
            }
        });
        minority.forEach((key, pid) -> {
            assertThat(pid.node()).as(key).isEqualTo("n3");
            for (int i = 0; i < 5; i++) {
                GenServer.call(pid, "incr", WAIT);
            }
        });
        Map<String, Placement> majorityPlacements = n1.children();
        Pid majoritySingleton = awaitSingleton("n1");
        Pid minoritySingleton = awaitSingleton("n3");
        assertThat(majoritySingleton.node()).isIn("n1", "n2");
        assertThat(minoritySingleton.node()).as("the cut-off side runs a singleton of its own").isEqualTo("n3");
        Watcher onN3 = Watcher.start(members.get("n3").node());
        minority.values().forEach(onN3::monitor);
        onN3.monitor(minoritySingleton);
        Watcher onN1 = Watcher.start(members.get("n1").node());
        majority.values().stream().filter(pid -> pid.node().equals("n1")).forEach(onN1::monitor);
        Watcher onN2 = Watcher.start(members.get("n2").node());
        majority.values().stream().filter(pid -> pid.node().equals("n2")).forEach(onN2::monitor);

        heal();

        Set<String> all = new TreeSet<>(KEYS);
        all.add("only-majority");
        all.add("only-minority");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(members.values()).as("partitions settled")
                    .allMatch(member -> member.hazelcast().getPartitionService().isClusterSafe());
            Map<String, Placement> merged = n1.children();
            Map<String, String> running = running(supervisors.keySet());
            assertThat(running).as("placed %s", merged).containsOnlyKeys(all);
            assertThat(merged).containsOnlyKeys(all);
            running.forEach((key, node) -> {
                assertThat(merged.get(key).node()).as(key).isEqualTo(node);
                assertThat(merged.get(key).pid()).as(key).isEqualTo(supervisors.get(node).localChildren().get(key));
            });
            assertThat(localSingletons()).as("singletons running").hasSize(1);
            // the minority's process of every doubled key was fenced; the majority's kept its key, or has
            // handed it on since (the merge gives partitions back to n3) and its successor holds a later epoch
            Map<Pid, ExitReason> downs = downs(onN1, onN2, onN3);
            for (String key : KEYS) {
                assertThat(downs.get(minority.get(key))).as("the minority's %s", key).isEqualTo(DistributedSupervisor.FENCED);
                Pid kept = majority.get(key);
                ExitReason keptExit = downs.get(kept);
                if (keptExit == null) {
                    assertThat(merged.get(key).pid()).as(key).isEqualTo(kept);
                    assertThat(merged.get(key).epoch()).as(key).isEqualTo(majorityPlacements.get(key).epoch());
                }
                else {
                    assertThat(keptExit).as("the majority's %s", key).isEqualTo(DistributedSupervisor.HANDOFF);
                    assertThat(merged.get(key).epoch()).as(key).isGreaterThan(majorityPlacements.get(key).epoch());
                }
            }
            assertThat(downs.get(minoritySingleton)).as("the minority's singleton").isEqualTo(DistributedSupervisor.FENCED);
        });
        for (String key : KEYS) {
            assertThat(GenServer.<Integer>call(n3.ref(key), "get", WAIT)).as("%s has the majority's state", key).isEqualTo(3);
        }
        assertThat(GenServer.<Integer>call(n3.ref("only-majority"), "get", WAIT)).isEqualTo(2);
        assertThat(GenServer.<Integer>call(n1.ref("only-minority"), "get", WAIT)).as("a key only the minority knew").isEqualTo(5);

        Pid leader = singletons.get("n1").whereis();
        assertThat(localSingletons()).containsExactly(leader);
        singletons.values().forEach(singleton -> assertThat(singleton.whereis()).isEqualTo(leader));
    }

    // ---------------------------------------------------------------- the cluster

    private void awaitFormed() {
        await().atMost(WAIT).until(() -> members.values().stream()
                .allMatch(member -> member.cluster().nodes().equals(members.keySet())
                        && member.hazelcast().getPartitionService().isClusterSafe()));
    }

    private void split(String node) {
        cluster.split(members.get(node));
        await().atMost(WAIT).until(() -> members.values().stream().allMatch(member -> member.name().equals(node)
                ? member.cluster().nodes().equals(Set.of(node))
                : !member.cluster().isConnected(node)));
        // the majority's partitions have their backups again: its keys stay where they are for the test
        await().atMost(WAIT).until(() -> members.values().stream().allMatch(member -> member.hazelcast().getPartitionService().isClusterSafe()));
    }

    private void heal() {
        cluster.heal();
        awaitFormed();
    }

    /** Which node runs each key, from {@code nodes}' own processes; fails when a key runs on two. */
    private Map<String, String> running(Set<String> nodes) {
        Map<String, String> nodeByKey = new TreeMap<>();
        for (String node : nodes) {
            supervisors.get(node).localChildren().keySet().forEach(key -> {
                String other = nodeByKey.put(key, node);
                assertThat(other).as("key %s runs on %s and on %s", key, other, node).isNull();
            });
        }
        return nodeByKey;
    }

    /** The singleton as {@code node}'s side sees it, once it runs there. */
    private Pid awaitSingleton(String node) {
        await().atMost(WAIT).until(() -> singletons.get(node).whereis() != null && singletons.get(node).whereis().isAlive());
        return singletons.get(node).whereis();
    }

    private static Map<Pid, ExitReason> downs(Watcher... watchers) {
        Map<Pid, ExitReason> downs = new HashMap<>();
        for (Watcher watcher : watchers) {
            watcher.downs().forEach(down -> downs.put(down.pid(), down.reason()));
        }
        return downs;
    }

    /** The singleton's processes running, over all members. */
    private List<Pid> localSingletons() {
        return members.values().stream()
                .flatMap(member -> DynamicSupervisor.whichChildren(
                        member.node().named(Slots.PREFIX + "singleton." + SINGLETON + ".children")).stream())
                .map(ChildInfo::pid)
                .filter(pid -> pid != null && pid.isAlive())
                .toList();
    }
}
