package io.otpspring.spring.autoconfigure;

import io.otpspring.core.process.Node;
import io.otpspring.core.registry.Registry;
import io.otpspring.core.telemetry.Telemetry;
import io.otpspring.spring.process.ProcessBeanRegistrar;
import io.otpspring.spring.process.ProcessSettings;
import io.otpspring.spring.process.ProcessTree;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Runs the application's {@code @GenServer} beans as supervised processes: a {@link Node}, the
 * settings from {@code otp.*}, and the {@link ProcessTree} that starts with the context. Each bean
 * backs off when the application defines its own; {@code otp.enabled=false} turns it all off.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "otp.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OtpProperties.class)
public final class OtpAutoConfiguration {

    @Bean
    static ProcessBeanRegistrar otpProcessBeanRegistrar() {
        return new ProcessBeanRegistrar();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Node otpNode(OtpProperties properties, Environment environment) {
        String name = properties.getNodeName();
        if (name == null || name.isBlank()) {
            name = environment.getProperty("spring.application.name", "otp");
        }
        return Node.start(name);
    }

    /**
     * The application's default registry namespace ({@link Registry#DEFAULT_NAMESPACE}), unique keys.
     * Declare more {@code Registry} beans for other namespaces (a tenant, a topic of duplicate keys)
     * and inject them by bean name.
     */
    @Bean
    @ConditionalOnMissingBean(name = "otpRegistry")
    Registry<Object, Object> otpRegistry(Node node) {
        return Registry.unique(node, Registry.DEFAULT_NAMESPACE);
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessSettings otpProcessSettings(OtpProperties properties) {
        return new PropertiesProcessSettings(properties);
    }

    /**
     * Installs the application's {@link Telemetry} bean, if it has exactly one, on the node once every
     * singleton exists and before the tree starts (installing it when the node is created would make
     * the node depend on the meter registries, which depend on the node).
     */
    @Bean
    SmartInitializingSingleton otpTelemetryInstaller(Node node, ObjectProvider<Telemetry> telemetry) {
        return () -> telemetry.ifUnique(node::useTelemetry);
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessTree otpProcessTree(Node node, ProcessSettings settings, ConfigurableListableBeanFactory beanFactory) {
        return new ProcessTree(node, settings, beanFactory);
    }
}
