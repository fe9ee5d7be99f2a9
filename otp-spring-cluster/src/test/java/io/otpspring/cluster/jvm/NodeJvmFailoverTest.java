package io.otpspring.cluster.jvm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.hazelcast.cluster.Member;
import io.otpspring.cluster.FailureDetection;
import io.otpspring.cluster.LoopbackCluster;
import io.otpspring.cluster.Recorder;
import io.otpspring.cluster.placement.DistributedSupervisor;
import io.otpspring.cluster.transport.Members;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.Down;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A distributed supervisor's key on a node in a JVM of its own, which is killed with
 * {@code SIGKILL}: the key comes back on a node of this JVM with its last saved state, the
 * monitor of its old process fires with {@code noconnection}, and once the cluster is stable it
 * runs once.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class NodeJvmFailoverTest {

    private static final FailureDetection FAST = new FailureDetection(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(5));
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final NodeJvms jvms = new NodeJvms();

    private static LoopbackCluster cluster;
    private static LoopbackCluster.Member alpha;
    private static LoopbackCluster.Member beta;
    private static DistributedSupervisor<Long> talliesOnAlpha;
    private static DistributedSupervisor<Long> talliesOnBeta;

    @BeforeAll
    static void start() {
        cluster = new LoopbackCluster("failover", FAST);
        alpha = cluster.start("alpha");
        beta = cluster.start("beta");
        talliesOnAlpha = DistributedSupervisor.start(alpha.cluster(), Tally.SUPERVISOR, Tally.FACTORY);
        talliesOnBeta = DistributedSupervisor.start(beta.cluster(), Tally.SUPERVISOR, Tally.FACTORY);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            talliesOnAlpha.close();
            talliesOnBeta.close();
            cluster.close();
        }
    }

    @Test
    void aKilledNodesKeysComeBackElsewhereWithTheirLastSavedStateAndRunOnce() {
        NodeJvm gamma = jvms.start(cluster, "gamma").awaitConnectedTo(alpha.cluster(), beta.cluster());
        await().atMost(WAIT).until(() -> alpha.hazelcast().getPartitionService().isClusterSafe());
        String key = keyOwnedBy("gamma");
        Pid first = talliesOnAlpha.startChild(key);
        assertThat(first.node()).isEqualTo("gamma");
        for (int i = 0; i < 3; i++) {
            GenServer.call(talliesOnAlpha.ref(key), "incr", WAIT);
        }
        Recorder watcher = Recorder.start(alpha.node(), false);
        watcher.call(self -> self.monitor(first));
        assertThat(GenServer.<Long>call(first, "get", WAIT)).as("the monitor is set once this answers").isEqualTo(3L);

        gamma.kill9();

        assertThat(watcher.awaitMessage(Down.class).reason()).isEqualTo(ExitReason.NOCONNECTION);
        await().atMost(WAIT).ignoreExceptions().until(() -> GenServer.<Long>call(talliesOnBeta.ref(key), "get",
                Duration.ofSeconds(1)) == 3L);
        String runsOn = GenServer.call(talliesOnBeta.ref(key), "node", WAIT);
        assertThat(runsOn).isIn("alpha", "beta");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(talliesOnAlpha.children()).containsOnlyKeys(key);
            assertThat(talliesOnAlpha.children().get(key).node()).isEqualTo(runsOn);
            assertThat(List.of(talliesOnAlpha.localChildren().size(), talliesOnBeta.localChildren().size()))
                    .as("processes of the key on alpha and beta").containsExactlyInAnyOrder(0, 1);
        });
    }

    /** A key whose partition node {@code node} owns. */
    private static String keyOwnedBy(String node) {
        for (int i = 0; ; i++) {
            Member owner = alpha.hazelcast().getPartitionService().getPartition("key-" + i).getOwner();
            if (owner != null && node.equals(Members.nameOf(owner))) {
                return "key-" + i;
            }
        }
    }
}
