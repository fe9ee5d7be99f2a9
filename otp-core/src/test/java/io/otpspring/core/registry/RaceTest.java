package io.otpspring.core.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.Probe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.otpspring.core.process.Probe.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes racing each other from many threads, released together by a barrier and repeated for
 * many rounds: one winner per unique key, and no entry or exit listener left behind.
 */
class RaceTest {

    private static final int ROUNDS = 500;
    /** More rounds for the one-winner race: of its eight racers, only as many as there are cores overlap. */
    private static final int KEY_RACE_ROUNDS = 2_000;
    private static final int RACERS = 8;

    private Node node;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        node = Node.start("registry-race-test");
        pool = Executors.newFixedThreadPool(RACERS);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        node.close();
    }

    @Test
    void racingRegistrantsOfOneUniqueKeyHaveOneWinnerAndTheLosersAreToldWhoWon() throws Exception {
        Registry<String, Integer> users = Registry.unique(node, "users");
        for (int round = 0; round < KEY_RACE_ROUNDS; round++) {
            String key = "key-" + round;
            List<Pid> racers = new ArrayList<>();
            List<Callable<Registration>> registrations = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                Pid pid = Probe.recording().spawn(node);
                int value = i;
                racers.add(pid);
                registrations.add(() -> users.register(key, pid, value));
            }

            List<Registration> outcomes = race(registrations);

            List<Registration> wins = outcomes.stream().filter(Registration::isOk).toList();
            assertThat(wins).as("round %d: %s", round, outcomes).hasSize(1);
            Pid winner = wins.getFirst().owner();
            assertThat(outcomes).as("round %d: every loser is told the winner", round)
                    .allSatisfy(outcome -> assertThat(outcome.owner()).isEqualTo(winner));
            assertThat(users.whereis(key)).isEqualTo(winner);
            assertThat(users.lookup(key)).containsExactly(new Entry<>(key, winner, racers.indexOf(winner)));
            assertThat(users.trackedProcesses()).as("round %d: losers keep no listener", round).isEqualTo(1);
            racers.forEach(pid -> node.exit(pid, ExitReason.KILL));
            assertThat(users.storedEntries()).isZero();
            assertThat(users.trackedProcesses()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Keys.class)
    void aRegistrationRacingTheExitOfItsProcessLeavesNothingBehind(Keys keys) throws Exception {
        Registry<String, String> registry = Registry.create(node, new RegistrySpec("race", keys, 4));
        for (int round = 0; round < ROUNDS; round++) {
            Pid pid = Probe.recording().spawn(node);
            if (round % 2 == 0) {
                registry.register("earlier", pid, null);
            }

            race(List.of(
                    () -> {
                        try {
                            return registry.register("key", pid, null).isOk();
                        }
                        catch (IllegalArgumentException refusedAsDead) {
                            return false;
                        }
                    },
                    () -> {
                        node.exit(pid, ExitReason.KILL);
                        return true;
                    }));

            assertThat(registry.storedEntries()).as("round %d", round).isZero();
            assertThat(registry.trackedProcesses()).as("round %d", round).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Keys.class)
    void unregisteringTheLastKeyWhileAnotherIsRegisteredKeepsTheProcessWatched(Keys keys) throws Exception {
        Registry<String, String> registry = Registry.create(node, new RegistrySpec("race", keys, 4));
        for (int round = 0; round < ROUNDS; round++) {
            Pid pid = Probe.recording().spawn(node);
            registry.register("old", pid, null);

            race(List.of(
                    () -> registry.unregister("old", pid),
                    () -> registry.register("new", pid, null).isOk()));

            assertThat(registry.keys(pid)).as("round %d", round).containsExactly("new");
            assertThat(registry.trackedProcesses()).as("round %d", round).isEqualTo(1);
            node.exit(pid, ExitReason.KILL);
            assertThat(registry.storedEntries()).as("round %d: its exit listener removed the new key", round).isZero();
            assertThat(registry.trackedProcesses()).as("round %d", round).isZero();
        }
    }

    /**
     * Runs {@code tasks} on the pool, released together from a start line they wait at busily,
     * yielding (threads parked at a barrier wake one by one and seldom overlap); returns their
     * results in order.
     */
    private <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        AtomicInteger notYetAtTheLine = new AtomicInteger(tasks.size());
        List<Future<T>> running = new ArrayList<>();
        for (Callable<T> task : tasks) {
            running.add(pool.submit(() -> {
                notYetAtTheLine.decrementAndGet();
                while (notYetAtTheLine.get() > 0) {
                    Thread.yield();
                }
                return task.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : running) {
            results.add(future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        }
        return results;
    }
}
