package io.otpspring.sample.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.hazelcast.core.HazelcastInstance;
import io.otpspring.cluster.Cluster;
import io.otpspring.cluster.placement.ClusterSingleton;
import io.otpspring.sample.SampleApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the shop with the cluster profile: they number orders from one cluster
 * singleton, and when the instance running it crashes, the survivor goes on from the last number.
 */
class ClusterOrderNumbersTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int PORT = 16900;

    private final List<ConfigurableApplicationContext> instances = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    private ConfigurableApplicationContext start(String node) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
                .profiles("cluster")
                .run("--server.port=0", "--otp.node-name=" + node, "--otp.cluster.port=" + PORT,
                        "--otp.cluster.port-count=3", "--otp.cluster.name=sample-" + ProcessHandle.current().pid());
        instances.add(context);
        return context;
    }

    private static String checkout(ConfigurableApplicationContext instance) {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        RestTestClient http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        String cart = "cluster-" + UUID.randomUUID();
        http.post().uri("/api/carts/{id}/items", cart).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("sku", "latte")).exchange().expectStatus().isOk();
        return http.post().uri("/api/carts/{id}/checkout", cart).exchange().expectStatus().isCreated()
                .returnResult(Map.class).getResponseBody().get("id").toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void instancesNumberOrdersFromOneSingletonThatFailsOverWithItsLastNumber() {
        ConfigurableApplicationContext a = start("shop-a");
        ConfigurableApplicationContext b = start("shop-b");
        await().atMost(WAIT).until(() -> a.getBean(Cluster.class).nodes().size() == 2);
        await().atMost(WAIT).until(() -> a.getBean(HazelcastInstance.class).getPartitionService().isClusterSafe());

        assertThat(List.of(checkout(a), checkout(b), checkout(a))).containsExactly("order-1", "order-2", "order-3");

        ClusterSingleton<Long> sequence = a.getBean(ClusterSingleton.class);
        String runsOn = sequence.placement().node();
        ConfigurableApplicationContext host = runsOn.equals("shop-a") ? a : b;
        ConfigurableApplicationContext survivor = host == a ? b : a;
        host.getBean(HazelcastInstance.class).getLifecycleService().terminate();   // as a crashed JVM would
        host.close();
        instances.remove(host);

        await().atMost(WAIT).until(() -> survivor.getBean(Cluster.class).nodes().size() == 1);
        assertThat(checkout(survivor)).isEqualTo("order-4");
        assertThat(survivor.getBean(ClusterSingleton.class).placement().node())
                .isEqualTo(survivor == a ? "shop-a" : "shop-b");
    }
}
