package io.otpspring.cluster.spring;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.otpspring.core.process.Node;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import io.otpspring.spring.autoconfigure.OtpProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hazelcast.autoconfigure.HazelcastAutoConfiguration;
import org.springframework.boot.hazelcast.autoconfigure.HazelcastConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * Prepares the Hazelcast member a node joins the cluster with, before Spring Boot starts it: a
 * node name unique in the cluster, a Hazelcast config from {@code otp.cluster.*} when the
 * application has none, and, whatever config Hazelcast gets (this one, a {@code Config} bean, a
 * hazelcast.yaml), the node's member attribute, serializers, failure detection timings and
 * registry namespaces.
 */
@AutoConfiguration(before = { HazelcastAutoConfiguration.class, OtpAutoConfiguration.class })
@ConditionalOnClass(Config.class)
@ConditionalOnBooleanProperty(name = "otp.cluster.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ OtpClusterProperties.class, OtpProperties.class })
public final class ClusterConfigAutoConfiguration {

    /**
     * The node, named {@code otp.node-name} (which must then differ on every instance), or by
     * default spring.application.name (or "otp") with a random suffix, so instances of one
     * application get distinct names.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Node otpNode(OtpProperties properties, Environment environment) {
        String name = properties.getNodeName();
        if (name == null || name.isBlank()) {
            name = environment.getProperty("spring.application.name", "otp") + "-"
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        }
        return Node.start(name);
    }

    /** A member config from {@code otp.cluster.*}: TCP-IP join with the listed members, multicast off. */
    @Bean
    @ConditionalOnMissingBean(Config.class)
    @Conditional(NoHazelcastConfigFile.class)
    Config otpHazelcastConfig(OtpClusterProperties properties, Environment environment) {
        Config config = new Config();
        String name = properties.getName();
        config.setClusterName(name != null ? name : environment.getProperty("spring.application.name", "otp"));
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().setPort(properties.getPort()).setPortAutoIncrement(true)
                .setPortCount(properties.getPortCount());
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        for (String member : properties.getMembers()) {
            if (member.contains(":")) {
                join.getTcpIpConfig().addMember(member);
            }
            else {
                // Hazelcast takes no port ranges in a member address: list the ports one by one
                for (int port = properties.getPort(); port < properties.getPort() + properties.getPortCount(); port++) {
                    join.getTcpIpConfig().addMember(member + ":" + port);
                }
            }
        }
        return config;
    }

    /** Prepares a Hazelcast config read from a file. */
    @Bean
    HazelcastConfigCustomizer otpClusterConfigCustomizer(Node node, OtpClusterProperties properties) {
        return config -> ClusterConfigPreparer.prepare(config, node, properties);
    }

    /** Prepares every {@code Config} bean, the application's or {@link #otpHazelcastConfig}. */
    @Bean
    static BeanPostProcessor otpClusterConfigPreparer(ObjectProvider<Node> node, ObjectProvider<OtpClusterProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof Config config) {
                    ClusterConfigPreparer.prepare(config, node.getObject(), properties.getObject());
                }
                return bean;
            }
        };
    }
}
