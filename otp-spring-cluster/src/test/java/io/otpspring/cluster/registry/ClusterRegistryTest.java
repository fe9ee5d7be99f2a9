package io.otpspring.cluster.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.hazelcast.config.Config;
import io.otpspring.cluster.LoopbackCluster;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.NameTakenException;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.SpawnOptions;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.core.supervision.SupervisorSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A namespace shared by three real members on loopback: one holder per name, seen alike from every node. */
class ClusterRegistryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String NAMESPACE = "names";
    private static final String OTHER_NAMESPACE = "others";

    private static LoopbackCluster cluster;
    private static final List<LoopbackCluster.Member> members = new ArrayList<>();
    private static final List<ClusterRegistry> registries = new ArrayList<>();

    @BeforeAll
    static void start() {
        cluster = new LoopbackCluster("registry");
        for (String name : List.of("ra", "rb", "rc")) {
            join(name);
        }
    }

    private static LoopbackCluster.Member join(String name) {
        LoopbackCluster.Member member = cluster.start(name, config -> {
            ClusterRegistry.configure(config, NAMESPACE, ConflictMode.RESOLVE_AFTER_MERGE, 0);
            ClusterRegistry.configure(config, OTHER_NAMESPACE, ConflictMode.QUORUM, 2);
        });
        members.add(member);
        await().atMost(WAIT).until(() -> members.stream().allMatch(each -> each.cluster().nodes().size() == members.size()));
        registries.add(ClusterRegistry.start(member.cluster(), NAMESPACE, ConflictMode.RESOLVE_AFTER_MERGE));
        return member;
    }

    @AfterAll
    static void stop() {
        registries.forEach(ClusterRegistry::close);
        cluster.close();
    }

    private static ClusterRegistry registry(int member) {
        return registries.get(member);
    }

    private static LoopbackCluster.Member member(int member) {
        return members.get(member);
    }

    /** Every node of the first three sees {@code expected} (null: nobody) holding {@code name}. */
    private static void awaitEverywhere(String name, Pid expected) {
        await().atMost(WAIT).untilAsserted(() -> {
            for (int i = 0; i < 3; i++) {
                assertThat(registry(i).whereis(name)).as("whereis(%s) on %s", name, member(i).name()).isEqualTo(expected);
            }
        });
    }

    @Test
    void ofManyProcessesOnThreeNodesRacingForTheSameNamesExactlyOneWinsEachAndEveryNodeAgrees() throws Exception {
        List<String> names = IntStream.range(0, 10).mapToObj(i -> "race-" + i).toList();
        Map<String, List<Pid>> winners = new ConcurrentHashMap<>();
        Map<String, List<Pid>> holdersSeenByLosers = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> attempts = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int m = 0; m < 3; m++) {
                ClusterRegistry registry = registry(m);
                for (String name : names) {
                    for (int k = 0; k < 3; k++) {
                        Pid pid = Echo.start(member(m).node());
                        attempts.add(threads.submit(() -> {
                            go.await();
                            try {
                                registry.register(name, pid);
                                winners.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(pid);
                            }
                            catch (NameTakenException taken) {
                                holdersSeenByLosers.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(taken.holder());
                            }
                            return null;
                        }));
                    }
                }
            }
            go.countDown();
            for (Future<?> attempt : attempts) {
                attempt.get();
            }
        }

        for (String name : names) {
            assertThat(winners.get(name)).as("winners of %s", name).hasSize(1);
            Pid winner = winners.get(name).getFirst();
            assertThat(holdersSeenByLosers.get(name)).as("losers of %s", name).hasSize(8).containsOnly(winner);
            awaitEverywhere(name, winner);
            for (int i = 0; i < 3; i++) {
                assertThat(registry(i).names()).containsEntry(name, winner);
            }
        }
    }

    @Test
    void aProcessSpawnedUnderAClusterNameIsCalledThroughItFromAnotherNode() {
        Pid server = GenServer.start(member(1).node(), new Echo("rb"), SpawnOptions.defaults().withName(registry(1).via("echo")));

        String answer = GenServer.call(registry(0).via("echo"), "ping", WAIT);

        assertThat(answer).isEqualTo("ping from rb");
        assertThat(registry(0).whereis("echo")).isEqualTo(server).satisfies(pid -> assertThat(pid.isRemote()).isTrue());
        assertThat(registry(1).whereis("echo")).isSameAs(server);
        assertThatThrownBy(() -> GenServer.start(member(2).node(), new Echo("rc"), SpawnOptions.defaults().withName(registry(2).via("echo"))))
                .isInstanceOf(NameTakenException.class);
    }

    @Test
    void theExitOfARegisteredProcessFreesItsNameOnEveryNode() {
        Pid leaving = Echo.start(member(2).node());
        registry(2).register("leaving", leaving);
        awaitEverywhere("leaving", leaving);

        member(2).node().exit(leaving, ExitReason.other("bye"));

        awaitEverywhere("leaving", null);
        Pid next = Echo.start(member(0).node());
        registry(0).register("leaving", next);
        awaitEverywhere("leaving", next);
    }

    @Test
    void aSupervisedProcessTakesItsClusterNameBackWhenItIsRestarted() {
        Pid supervisor = Supervisor.start(member(0).node(), SupervisorSpec.oneForOne(
                ChildSpec.worker("worker", () -> new Echo("ra")).withName(registry(0).via("worker"))));
        Pid first = registry(0).whereis("worker");
        awaitEverywhere("worker", first);

        member(0).node().exit(first, ExitReason.other("crash"));

        await().atMost(WAIT).until(() -> {
            Pid now = registry(1).whereis("worker");
            return now != null && !now.equals(first);
        });
        assertThat(GenServer.<String>call(registry(2).via("worker"), "ping", WAIT)).isEqualTo("ping from ra");
        member(0).node().stop(supervisor, ExitReason.SHUTDOWN, WAIT);
        awaitEverywhere("worker", null);
    }

    @Test
    void aNameHeldOnAnotherNodeIsTakenUntilUnregisteredFromAnyNode() {
        Pid holder = Echo.start(member(1).node());
        registry(1).register("taken", holder);
        Pid other = Echo.start(member(2).node());

        assertThatThrownBy(() -> registry(2).register("taken", other)).isInstanceOf(NameTakenException.class)
                .satisfies(taken -> assertThat(((NameTakenException) taken).holder()).isEqualTo(holder));

        assertThat(registry(2).unregister("taken")).isTrue();
        assertThat(registry(2).unregister("taken")).isFalse();
        awaitEverywhere("taken", null);
        registry(2).register("taken", other);
        member(1).node().exit(holder, ExitReason.KILL);

        await().atMost(WAIT).until(() -> !holder.isAlive());
        awaitEverywhere("taken", other);
    }

    @Test
    void theNamesOfACrashedMemberAreFreedByTheOthers() {
        LoopbackCluster.Member doomed = join("rd");
        ClusterRegistry registry = registries.getLast();
        Pid a = Echo.start(doomed.node());
        Pid b = Echo.start(doomed.node());
        registry.register("doomed-a", a);
        registry.register("doomed-b", b);
        awaitEverywhere("doomed-a", a);
        // names of processes elsewhere that the doomed member keeps the first copy of: the backups take over
        String survivor = doomed.keyOwnedHere("survivor");
        String freed = doomed.keyOwnedHere("freed");
        Pid survivorPid = Echo.start(member(0).node());
        Pid freedPid = Echo.start(member(0).node());
        registry(0).register(survivor, survivorPid);
        registry(0).register(freed, freedPid);
        member(0).node().exit(freedPid, ExitReason.KILL);
        await().atMost(WAIT).until(() -> !member(1).hazelcast().getMap("otp.registry." + NAMESPACE).containsKey(freed));

        doomed.crash();

        awaitEverywhere("doomed-a", null);
        awaitEverywhere("doomed-b", null);
        awaitEverywhere(survivor, survivorPid);
        await().atMost(WAIT).untilAsserted(() -> assertThat(member(0).hazelcast().getMap("otp.registry." + NAMESPACE).keySet())
                .contains(survivor).doesNotContain("doomed-a", "doomed-b", freed));
    }

    @Test
    void closingARegistryFreesTheNamesItsNodesProcessesHold() {
        ClusterRegistry here = ClusterRegistry.start(member(0).cluster(), OTHER_NAMESPACE, ConflictMode.QUORUM);
        try (ClusterRegistry there = ClusterRegistry.start(member(1).cluster(), OTHER_NAMESPACE, ConflictMode.QUORUM)) {
            Pid pid = Echo.start(member(0).node());
            here.register("closing", pid);
            assertThat(there.whereis("closing")).isEqualTo(pid);

            here.close();

            await().atMost(WAIT).until(() -> there.whereis("closing") == null);
            assertThat(pid.isAlive()).isTrue();
        }
    }

    @Test
    void aRegistryNeedsTheConfigOfItsNamespaceAndMode() {
        assertThatThrownBy(() -> ClusterRegistry.start(member(0).cluster(), "unprepared", ConflictMode.RESOLVE_AFTER_MERGE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ClusterRegistry.configure");
        assertThatThrownBy(() -> ClusterRegistry.start(member(0).cluster(), NAMESPACE, ConflictMode.QUORUM))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ClusterRegistry.start(member(0).cluster(), OTHER_NAMESPACE, ConflictMode.RESOLVE_AFTER_MERGE))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ClusterRegistry.configure(new Config(), "q", ConflictMode.QUORUM, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyALiveLocalProcessRegisters() {
        Pid there = Echo.start(member(1).node());
        Pid remoteAsSeenHere = member(0).node().pid(there.node(), there.creation(), there.id());
        Pid dead = Echo.start(member(0).node());
        member(0).node().exit(dead, ExitReason.KILL);
        await().atMost(WAIT).until(() -> !dead.isAlive());

        assertThatThrownBy(() -> registry(0).register("nobody", remoteAsSeenHere)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry(0).register("nobody", dead)).isInstanceOf(IllegalArgumentException.class);
        assertThat(registry(0).whereis("nobody")).isNull();
    }
}
