package io.otpspring.cluster.spring;

import io.otpspring.cluster.Cluster;
import io.otpspring.cluster.ClusterStatus;
import io.otpspring.cluster.placement.ClusterSingleton;
import io.otpspring.cluster.placement.DistributedSupervisor;
import io.otpspring.spring.actuate.endpoint.ClusterView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cluster in Actuator: its part of {@code GET /actuator/otp} (under {@code cluster}) and the
 * {@code otpCluster} health contributor, which reports {@code DOWN} while the connected nodes are
 * fewer than {@code otp.cluster.quorum-size}.
 */
@AutoConfiguration(after = ClusterAutoConfiguration.class)
@ConditionalOnBean(Cluster.class)
public final class ClusterActuatorAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ClusterView.class)
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ClusterView otpClusterView(Cluster cluster, OtpClusterProperties properties, ClusterRegistries registries,
                ObjectProvider<DistributedSupervisor<?>> supervisors, ObjectProvider<ClusterSingleton<?>> singletons) {
            return () -> ClusterStatus.of(cluster, properties.getQuorumSize(), new ClusterStatus.Parts(registries.all(),
                    supervisors.orderedStream().toList(), singletons.orderedStream().toList()));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("otpCluster")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "otpClusterHealthIndicator")
        HealthIndicator otpClusterHealthIndicator(Cluster cluster, OtpClusterProperties properties) {
            return () -> {
                ClusterStatus status = ClusterStatus.of(cluster, properties.getQuorumSize(), ClusterStatus.Parts.NONE);
                Health.Builder health = status.quorum() ? Health.up() : Health.down();
                health.withDetail("nodes", status.nodes().stream().map(ClusterStatus.NodeStatus::name).toList());
                if (status.quorumSize() != null) {
                    health.withDetail("quorumSize", status.quorumSize());
                }
                return health.build();
            };
        }
    }
}
