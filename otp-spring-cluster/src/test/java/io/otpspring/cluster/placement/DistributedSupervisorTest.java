package io.otpspring.cluster.placement;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.otpspring.cluster.placement.Counter.Tally;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.Down;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.otpspring.cluster.placement.PlacedNodes.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Keys placed on real Hazelcast members on loopback: spread, failover, fencing, handoff. */
class DistributedSupervisorTest {

    private static final DistributedSupervisorSpec SPEC = DistributedSupervisorSpec.defaults()
            .withReconcileInterval(Duration.ofSeconds(1));
    private static final List<String> KEYS = IntStream.range(0, 30).mapToObj(i -> "key-" + i).toList();

    private PlacedNodes nodes;

    @AfterEach
    void stop() {
        nodes.close();
    }

    private void startAll(List<DistributedSupervisor<Tally>> from) {
        for (int i = 0; i < KEYS.size(); i++) {
            from.get(i % from.size()).startChild(KEYS.get(i));
        }
    }

    @Test
    void keysRunOnTheNodesOwningThemWhereverTheyAreStartedFromAndAnyNodeCallsThem() {
        nodes = new PlacedNodes("placement-spread", SPEC);
        List<DistributedSupervisor<Tally>> all = List.of(nodes.join("a"), nodes.join("b"), nodes.join("c"));

        startAll(all);

        Map<String, String> running = nodes.running();
        assertThat(running).containsOnlyKeys(KEYS);
        assertThat(Set.copyOf(running.values())).containsExactlyInAnyOrder("a", "b", "c");
        KEYS.forEach(key -> assertThat(running.get(key)).as(key).isEqualTo(nodes.ownerOf(key)));
        assertThat(all.get(1).children()).containsOnlyKeys(KEYS)
                .allSatisfy((key, placement) -> assertThat(placement.node()).isEqualTo(running.get(key)));
        for (DistributedSupervisor<Tally> supervisor : all) {
            KEYS.forEach(key -> assertThat(GenServer.<String>call(supervisor.ref(key), "node", WAIT)).isEqualTo(running.get(key)));
        }
    }

    @Test
    void theSameKeyStartedFromTwoNodesAtOnceRunsOnceAndEndsWhereverItIsTerminatedFrom() {
        nodes = new PlacedNodes("placement-race", SPEC);
        DistributedSupervisor<Tally> a = nodes.join("a");
        DistributedSupervisor<Tally> b = nodes.join("b");

        CompletableFuture<Pid> fromA = CompletableFuture.supplyAsync(() -> a.startChild("shared", new Tally(40)));
        CompletableFuture<Pid> fromB = CompletableFuture.supplyAsync(() -> b.startChild("shared", new Tally(40)));

        assertThat(fromA.join()).isEqualTo(fromB.join());
        assertThat(nodes.running()).containsOnlyKeys("shared");
        assertThat(GenServer.<Integer>call(b.ref("shared"), "incr", WAIT)).isEqualTo(41);

        Pid pid = a.whereis("shared");
        assertThat(b.terminateChild("shared")).isTrue();

        assertThat(pid.isAlive() || nodes.running().containsKey("shared")).isFalse();
        assertThat(a.whereis("shared")).isNull();
        assertThat(a.children()).isEmpty();
        assertThat(a.terminateChild("shared")).isFalse();
    }

    @Test
    void aCrashedMembersKeysComeBackOnTheSurvivorsFromTheirLastCheckpoint() {
        nodes = new PlacedNodes("placement-crash", SPEC);
        List<DistributedSupervisor<Tally>> all = List.of(nodes.join("a"), nodes.join("b"), nodes.join("c"));
        startAll(all);
        KEYS.forEach(key -> {
            GenServer.call(all.get(0).ref(key), "incr", WAIT);
            GenServer.call(all.get(0).ref(key), "incr", WAIT);
            GenServer.call(all.get(0).ref(key), "bump", WAIT); // counted, never saved
        });
        List<String> lost = nodes.running().entrySet().stream().filter(entry -> entry.getValue().equals("c"))
                .map(Map.Entry::getKey).toList();
        Watcher watcher = Watcher.start(nodes.member("a").node());
        lost.forEach(key -> watcher.monitor(all.get(0).whereis(key)));

        nodes.crash("c");

        await().atMost(WAIT).untilAsserted(() -> assertThat(watcher.downs()).hasSize(lost.size())
                .extracting(Down::reason).containsOnly(ExitReason.NOCONNECTION));
        await().atMost(WAIT).untilAsserted(() -> assertThat(nodes.running()).containsOnlyKeys(KEYS));
        KEYS.forEach(key -> assertThat(GenServer.<Integer>call(all.get(1).ref(key), "get", WAIT)).as(key)
                .isEqualTo(lost.contains(key) ? 2 : 3));
        assertThat(Set.copyOf(nodes.running().values())).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aStaleHoldersCheckpointIsRefusedAndItsProcessStops() {
        // no periodic pass: the holder learns of the takeover from its refused save alone
        nodes = new PlacedNodes("placement-fence", SPEC.withReconcileInterval(Duration.ofMinutes(5)));
        DistributedSupervisor<Tally> a = nodes.join("a");
        nodes.join("b");
        Pid pid = a.startChild("k");
        GenServer.call(pid, "incr", WAIT);
        GenServer.call(pid, "incr", WAIT);
        Slots slots = new Slots(nodes.member(pid.node()).hazelcast(), "counters");
        Slot held = slots.read("k");
        Watcher watcher = Watcher.start(nodes.member(pid.node()).node());
        watcher.monitor(pid);

        assertThat(slots.save("k", pid.node(), held.epoch() - 1, new Tally(99))).as("a write under an older epoch").isFalse();
        // another node takes the key over, as if its holder had hung past the failure detector
        assertThat(slots.claim("k", "ghost", held)).isNotNull();
        assertThat(GenServer.<Integer>call(pid, "incr", WAIT)).isEqualTo(3);

        await().atMost(WAIT).until(() -> !watcher.downs().isEmpty());
        assertThat(watcher.downs().getFirst().reason()).isEqualTo(DistributedSupervisor.FENCED);
        assertThat(nodes.running()).isEmpty();
        // the taker is gone: the key starts again, from the last state its holder was allowed to save
        Pid again = a.startChild("k");
        assertThat(again).isNotEqualTo(pid);
        assertThat(GenServer.<Integer>call(again, "get", WAIT)).isEqualTo(2);
        assertThat(a.children().get("k").epoch()).isEqualTo(held.epoch() + 2);
    }

    @Test
    void aJoiningMemberTakesOverItsKeysWithTheirState() {
        nodes = new PlacedNodes("placement-join", SPEC);
        List<DistributedSupervisor<Tally>> two = List.of(nodes.join("a"), nodes.join("b"));
        startAll(two);
        KEYS.forEach(key -> {
            GenServer.call(two.get(0).ref(key), "incr", WAIT);
            GenServer.call(two.get(0).ref(key), "bump", WAIT); // saved when it moves (terminate)
        });

        DistributedSupervisor<Tally> c = nodes.join("c");

        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, String> running = nodes.running();
            assertThat(running).containsOnlyKeys(KEYS);
            KEYS.forEach(key -> assertThat(running.get(key)).as(key).isEqualTo(nodes.ownerOf(key)));
        });
        assertThat(nodes.running()).containsValue("c");
        KEYS.forEach(key -> assertThat(GenServer.<Integer>call(c.ref(key), "get", WAIT)).as(key).isEqualTo(2));
    }
}
