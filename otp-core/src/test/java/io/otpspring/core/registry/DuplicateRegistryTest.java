package io.otpspring.core.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.Probe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.otpspring.core.process.Probe.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** Duplicate keys: many holders per key, pub/sub by dispatch, partitions. */
class DuplicateRegistryTest {

    private Node node;

    @BeforeEach
    void startNode() {
        node = Node.start("duplicate-registry-test");
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    private Registry<String, String> topics(int partitions) {
        return Registry.create(node, RegistrySpec.duplicate("topics").withPartitions(partitions));
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 3, 16})
    void dispatchReachesEverySubscriberOfTheTopicOnly(int partitions) {
        Registry<String, String> topics = topics(partitions);
        List<Probe> news = List.of(Probe.recording(), Probe.recording(), Probe.recording(), Probe.recording());
        news.forEach(probe -> topics.register("news", probe.spawn(node), "all"));
        Probe sports = Probe.recording();
        topics.register("sports", sports.spawn(node), "all");

        int dispatched = topics.dispatch("news", entry -> entry.pid().send("headline"));

        assertThat(dispatched).isEqualTo(4);
        news.forEach(probe -> assertThat(probe.next()).isEqualTo("headline"));
        sports.pid().send("end");
        assertThat(sports.next()).as("the other topic's subscriber got nothing before").isEqualTo("end");
        assertThat(topics.count("news")).isEqualTo(4);
        assertThat(topics.count()).isEqualTo(5);
        assertThat(topics.lookup("news")).extracting(Entry::pid)
                .containsExactlyInAnyOrderElementsOf(news.stream().map(Probe::pid).toList());
    }

    @Test
    void dispatchHandsEachEntryItsValue() {
        Registry<String, String> topics = topics(4);
        Probe english = Probe.recording();
        Probe french = Probe.recording();
        topics.register("news", english.spawn(node), "en");
        topics.register("news", french.spawn(node), "fr");

        topics.dispatch("news", entry -> entry.pid().send(entry.value().equals("fr") ? "nouvelles" : "news"));

        assertThat(english.next()).isEqualTo("news");
        assertThat(french.next()).isEqualTo("nouvelles");
        assertThat(topics.match("news", "fr"::equals)).extracting(Entry::pid).containsExactly(french.pid());
    }

    @Test
    void aProcessMayRegisterTheSameKeyTwiceAndUnregisterRemovesBoth() {
        Registry<String, String> topics = topics(4);
        Probe probe = Probe.recording();
        Pid pid = probe.spawn(node);

        assertThat(topics.register("news", pid, "same")).isEqualTo(new Registration.Ok(pid));
        assertThat(topics.register("news", pid, "same")).isEqualTo(new Registration.Ok(pid));
        topics.register("weather", pid, null);

        assertThat(topics.lookup("news")).containsExactly(new Entry<>("news", pid, "same"), new Entry<>("news", pid, "same"));
        assertThat(topics.keys(pid)).containsExactly("news", "news", "weather");
        assertThat(topics.dispatch("news", entry -> entry.pid().send("twice"))).isEqualTo(2);
        probe.awaitCount(2);

        assertThat(topics.unregister("news", pid)).isTrue();
        assertThat(topics.lookup("news")).isEmpty();
        assertThat(topics.keys(pid)).containsExactly("weather");
        assertThat(topics.storedEntries()).isEqualTo(1);
    }

    @Test
    void selectGathersFromEveryPartition() {
        Registry<String, String> topics = topics(8);
        List<Pid> pids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Pid pid = Probe.recording().spawn(node);
            pids.add(pid);
            topics.register(i % 2 == 0 ? "even" : "odd", pid, null);
        }

        assertThat(topics.select("even"::equals)).hasSize(20);
        assertThat(topics.entries()).extracting(Entry::pid).containsExactlyInAnyOrderElementsOf(pids);
    }

    @Test
    void manyThreadsSubscribingToOneTopicAllGetIn() throws Exception {
        Registry<String, String> topics = topics(4);
        int threads = 8;
        int perThread = 250;
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<List<Pid>>> subscribing = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                subscribing.add(pool.submit(() -> {
                    List<Pid> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(Probe.recording().spawn(node));
                    }
                    start.await();
                    mine.forEach(pid -> topics.register("news", pid, null));
                    return mine;
                }));
            }
            List<Pid> all = new ArrayList<>();
            for (Future<List<Pid>> future : subscribing) {
                all.addAll(future.get());
            }

            assertThat(topics.count("news")).isEqualTo(threads * perThread);
            all.forEach(pid -> node.exit(pid, ExitReason.KILL));
            all.forEach(pid -> node.awaitExit(pid, WAIT));
        }
        assertThat(topics.lookup("news")).isEmpty();
        assertThat(topics.storedEntries()).isZero();
        assertThat(topics.trackedProcesses()).isZero();
    }
}
