package io.otpspring.cluster.spring;

import com.hazelcast.core.HazelcastInstance;
import io.otpspring.cluster.Cluster;
import io.otpspring.core.process.Node;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hazelcast.autoconfigure.HazelcastAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Joins the node to the cluster of the application's Hazelcast member, before the process tree
 * starts, so processes can reach other nodes from their {@code init} on.
 */
@AutoConfiguration(after = { HazelcastAutoConfiguration.class, ClusterConfigAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "otp.cluster.enabled", matchIfMissing = true)
@ConditionalOnBean({ Node.class, HazelcastInstance.class })
@EnableConfigurationProperties(OtpClusterProperties.class)
public final class ClusterAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Cluster otpCluster(Node node, HazelcastInstance hazelcast) {
        return Cluster.join(node, hazelcast);
    }

    /** The registry namespaces of {@code otp.cluster.registry.*}, and "default". */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ClusterRegistries otpClusterRegistries(Cluster cluster, OtpClusterProperties properties) {
        return new ClusterRegistries(cluster, properties.registryNamespaces());
    }
}
