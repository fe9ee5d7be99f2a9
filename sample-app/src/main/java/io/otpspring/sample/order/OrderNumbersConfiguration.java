package io.otpspring.sample.order;

import io.otpspring.cluster.Cluster;
import io.otpspring.cluster.placement.ClusterSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where order numbers come from: this instance's counter, or the cluster's singleton when it is in a cluster. */
@Configuration(proxyBeanMethods = false)
class OrderNumbersConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = "otp.cluster.enabled", havingValue = false)
    OrderNumbers localOrderNumbers() {
        return new LocalOrderNumbers();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "otp.cluster.enabled", matchIfMissing = true)
    static class InCluster {

        /** The one process that numbers orders cluster-wide; where it runs shows in /actuator/otp. */
        @Bean(destroyMethod = "close")
        ClusterSingleton<Long> orderNumberSequence(Cluster cluster) {
            return ClusterSingleton.start(cluster, "order-numbers",
                    (name, saved, checkpoint) -> new OrderNumberSequence(saved, checkpoint));
        }

        @Bean
        OrderNumbers clusterOrderNumbers(ClusterSingleton<Long> orderNumberSequence) {
            return new ClusterOrderNumbers(orderNumberSequence);
        }
    }
}
