package io.otpspring.cluster.placement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.otpspring.cluster.placement.Counter.Tally;
import io.otpspring.cluster.transport.Members;
import io.otpspring.core.genserver.GenServer;
import org.junit.jupiter.api.Test;

import static io.otpspring.cluster.placement.PlacedNodes.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Measures, without asserting, how long a key is out of service when the member running it
 * crashes: from the crash to the first call answered by its successor (called by key from a
 * survivor, retried at once), and to the survivor learning of the crash. Default spec (a periodic
 * pass every 5 s, so the figures show the event-driven path). Figures go to standard output.
 */
class FailoverTimeTest {

    private static final int RUNS = 5;

    @Test
    void measureFailoverTime() {
        List<String> figures = new ArrayList<>();
        try (PlacedNodes nodes = new PlacedNodes("placement-failover", DistributedSupervisorSpec.defaults())) {
            DistributedSupervisor<Tally> caller = nodes.join("caller");
            nodes.join("n0");
            nodes.join("n1");
            for (int run = 0, attempt = 0; run < RUNS; attempt++) {
                String key = "key-" + attempt;
                String victim = caller.startChild(key).node();
                if (victim.equals("caller")) {
                    continue; // a key of the caller's own: it would not fail over
                }
                GenServer.call(caller.ref(key), "incr", WAIT);
                AtomicLong detected = new AtomicLong();
                Members.Listener listener = new Members.Listener() {
                    @Override
                    public void nodeDown(String node) {
                        detected.compareAndSet(0, System.nanoTime());
                    }
                };
                nodes.member("caller").cluster().members().addListener(listener);

                long crashed = System.nanoTime();
                nodes.crash(victim);
                await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
                    try {
                        return GenServer.<Integer>call(caller.ref(key), "get", Duration.ofMillis(200)) == 1;
                    }
                    catch (RuntimeException notYet) {
                        return false;
                    }
                });
                long serving = System.nanoTime();
                nodes.member("caller").cluster().members().removeListener(listener);
                figures.add(String.format("FAILOVER run %d: node down seen after %d ms, serving again after %d ms",
                        run, (detected.get() - crashed) / 1_000_000, (serving - crashed) / 1_000_000));
                System.out.println(figures.getLast());
                nodes.join("n" + (2 + run++));
            }
        }
        assertThat(figures).hasSize(RUNS);
    }
}
