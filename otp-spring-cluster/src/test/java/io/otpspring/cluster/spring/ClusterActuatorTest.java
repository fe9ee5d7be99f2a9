package io.otpspring.cluster.spring;

import java.time.Duration;

import io.otpspring.cluster.Cluster;
import io.otpspring.cluster.placement.ClusterSingleton;
import io.otpspring.cluster.placement.DistributedSupervisor;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.hazelcast.autoconfigure.HazelcastAutoConfiguration;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.awaitility.Awaitility.await;

/**
 * The cluster in {@code /actuator/otp} and {@code /actuator/health/otpCluster} through a real HTTP
 * server: with a quorum of two, the node alone is DOWN, and UP once a second node joins.
 */
@SpringBootTest(classes = ClusterActuatorTest.App.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        ClusterActuatorTest.NAME, ClusterActuatorTest.PORT, "otp.cluster.port-count=3", "otp.cluster.quorum-size=2",
        "otp.node-name=web-1", "management.endpoints.web.exposure.include=otp,health",
        "management.endpoint.health.show-details=always" })
@AutoConfigureRestTestClient
class ClusterActuatorTest {

    static final String NAME = "otp.cluster.name=actuator-test";
    static final String PORT = "otp.cluster.port=17080";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    RestTestClient http;

    @Autowired
    Cluster cluster;

    @Test
    void theClusterShowsInTheEndpointAndItsHealthFollowsTheQuorum(@Autowired DistributedSupervisor<Integer> counters) {
        counters.startChild("a");
        http.get().uri("/actuator/otp").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.cluster.supervisors.counters.count").isEqualTo(1)
                .jsonPath("$.cluster.supervisors.counters.children.a").isEqualTo("web-1")
                .jsonPath("$.cluster.singletons.clock").isEqualTo("web-1")
                .jsonPath("$.cluster.localNode").isEqualTo("web-1")
                .jsonPath("$.cluster.nodes[0].name").isEqualTo("web-1")
                .jsonPath("$.cluster.nodes[0].local").isEqualTo(true)
                .jsonPath("$.cluster.quorumSize").isEqualTo(2)
                .jsonPath("$.cluster.quorum").isEqualTo(false)
                .jsonPath("$.cluster.registry.default.mode").isEqualTo("resolve-after-merge")
                .jsonPath("$.cluster.registry.default.count").isEqualTo(0);
        http.get().uri("/actuator/health/otpCluster").exchange().expectStatus().isEqualTo(503).expectBody()
                .jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.details.nodes[0]").isEqualTo("web-1");

        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClusterConfigAutoConfiguration.class, HazelcastAutoConfiguration.class,
                        ClusterAutoConfiguration.class, OtpAutoConfiguration.class))
                .withPropertyValues(NAME, PORT, "otp.cluster.port-count=3", "otp.node-name=web-2")
                .run(second -> {
                    await().atMost(WAIT).until(() -> cluster.nodes().size() == 2);
                    Pid worker = GenServer.start(second.getBean(Node.class), new GenServer() { });
                    second.getBean(ClusterRegistries.class).get("default").register("reports", worker);
                    http.get().uri("/actuator/health/otpCluster").exchange().expectStatus().isOk().expectBody()
                            .jsonPath("$.status").isEqualTo("UP");
                    http.get().uri("/actuator/otp").exchange().expectStatus().isOk().expectBody()
                            .jsonPath("$.cluster.nodes.length()").isEqualTo(2)
                            .jsonPath("$.cluster.nodes[1].name").isEqualTo("web-2")
                            .jsonPath("$.cluster.nodes[1].local").isEqualTo(false)
                            .jsonPath("$.cluster.quorum").isEqualTo(true)
                            .jsonPath("$.cluster.registry.default.names.reports").isEqualTo(worker.toString());
                });
    }

    @SpringBootApplication
    static class App {

        @Bean(destroyMethod = "close")
        DistributedSupervisor<Integer> counters(Cluster cluster) {
            return DistributedSupervisor.start(cluster, "counters", (key, saved, checkpoint) -> new GenServer() { });
        }

        @Bean(destroyMethod = "close")
        ClusterSingleton<Integer> clock(Cluster cluster) {
            return ClusterSingleton.start(cluster, "clock", (key, saved, checkpoint) -> new GenServer() { });
        }
    }
}
