package io.otpspring.cluster.spring;

import java.time.Duration;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import io.otpspring.cluster.Cluster;
import io.otpspring.cluster.registry.ClusterRegistry;
import io.otpspring.cluster.registry.ConflictMode;
import io.otpspring.cluster.transport.Members;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hazelcast.autoconfigure.HazelcastAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The cluster through real Spring contexts: each one a node with its own Hazelcast member on loopback. */
class ClusterAutoConfigurationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int PORT = Integer.getInteger("otp.test.port-base", 17100) + 1900;

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClusterConfigAutoConfiguration.class, HazelcastAutoConfiguration.class,
                    ClusterAutoConfiguration.class, OtpAutoConfiguration.class))
            .withPropertyValues("spring.application.name=shop", "otp.cluster.name=shop-" + ProcessHandle.current().pid(),
                    "otp.cluster.port=" + PORT, "otp.cluster.port-count=4")
            .withSystemProperties("hazelcast.logging.type=jdk");

    @Test
    void twoInstancesOfOneApplicationJoinAsTwoNodesAndCallEachOther() {
        ApplicationContextRunner withOrders = contexts.withPropertyValues("otp.cluster.registry.orders.mode=quorum",
                "otp.cluster.registry.orders.quorum-size=2");
        withOrders.run(first -> withOrders.run(second -> {
            Cluster one = first.getBean(Cluster.class);
            Cluster two = second.getBean(Cluster.class);
            await().atMost(WAIT).until(() -> one.nodes().size() == 2 && two.nodes().size() == 2);

            assertThat(one.node().name()).startsWith("shop-").isNotEqualTo(two.node().name());
            assertThat(one.nodes()).containsExactlyInAnyOrder(one.node().name(), two.node().name());
            Pid echo = GenServer.start(two.node(), new GenServer() {
                @Override
                public Reply handleCall(Object request, From from) {
                    return Reply.of("echo " + request);
                }
            });
            Pid remote = one.node().pid(echo.node(), echo.creation(), echo.id());
            assertThat(GenServer.<String>call(remote, "hi", WAIT)).isEqualTo("echo hi");

            second.getBean(ClusterRegistries.class).get("orders").register("echo", echo);
            ClusterRegistry orders = first.getBean(ClusterRegistries.class).get("orders");
            assertThat(orders.mode()).isEqualTo(ConflictMode.QUORUM);
            assertThat(GenServer.<String>call(orders.via("echo"), "by name", WAIT)).isEqualTo("echo by name");
        }));
    }

    @Test
    void aNamespaceInQuorumModeNeedsItsQuorumSize() {
        contexts.withPropertyValues("otp.cluster.registry.users.mode=quorum").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("otp.cluster.registry.users.quorum-size is required"));
    }

    @Test
    void anUnknownNamespaceIsAClearError() {
        contexts.run(context -> assertThatThrownBy(() -> context.getBean(ClusterRegistries.class).get("nope"))
                .hasMessageContaining("configure it as otp.cluster.registry.nope.mode"));
    }

    @Test
    void theApplicationsOwnConfigIsPreparedForTheNode() {
        contexts.withUserConfiguration(OwnConfig.class).withPropertyValues("otp.node-name=checkout-1").run(context -> {
            HazelcastInstance hazelcast = context.getBean(HazelcastInstance.class);
            assertThat(context.getBean(Config.class).getClusterName()).isEqualTo("own");
            assertThat(hazelcast.getCluster().getLocalMember().getAttribute(Members.NODE_ATTRIBUTE)).isEqualTo("checkout-1");
            assertThat(hazelcast.getConfig().getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("10");
            assertThat(context.getBean(Node.class).name()).isEqualTo("checkout-1");
        });
    }

    @Test
    void failureDetectionIsTunedThroughProperties() {
        contexts.withPropertyValues("otp.cluster.failure-detection.max-no-heartbeat=4s",
                "otp.cluster.failure-detection.heartbeat-interval=1s").run(context ->
                assertThat(context.getBean(HazelcastInstance.class).getConfig().getProperty("hazelcast.max.no.heartbeat.seconds"))
                        .isEqualTo("4"));
    }

    @Test
    void aBadFailureDetectionSettingFailsTheStartWithAClearMessage() {
        contexts.withPropertyValues("otp.cluster.failure-detection.max-no-heartbeat=500ms").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("max no heartbeat must be at least one second"));
    }

    @Test
    void twoNodesWithTheSameNameAreRefused() {
        contexts.withPropertyValues("otp.node-name=same").run(first -> {
            assertThat(first).hasNotFailed();
            contexts.withPropertyValues("otp.node-name=same").run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("is node 'same' already");
            });
        });
    }

    @Test
    void withoutHazelcastOrWhenSwitchedOffEverythingStaysLocal() {
        contexts.withClassLoader(new FilteredClassLoader(Config.class)).run(context ->
                assertThat(context).hasSingleBean(Node.class).doesNotHaveBean(Cluster.class));
        contexts.withPropertyValues("otp.cluster.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(Cluster.class).doesNotHaveBean(HazelcastInstance.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnConfig {

        @Bean
        Config hazelcastConfig() {
            Config config = new Config().setClusterName("own");
            config.getNetworkConfig().setPort(PORT + 10).getJoin().getMulticastConfig().setEnabled(false);
            config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
            return config;
        }
    }
}
