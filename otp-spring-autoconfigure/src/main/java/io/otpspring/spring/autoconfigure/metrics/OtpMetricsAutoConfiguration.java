package io.otpspring.spring.autoconfigure.metrics;

import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import io.otpspring.core.process.Node;
import io.otpspring.core.telemetry.Telemetry;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import io.otpspring.spring.metrics.ProcessMeters;
import io.otpspring.spring.observation.ObservedTelemetry;
import io.otpspring.spring.observation.ProcessMessageObservationConvention;
import io.otpspring.spring.process.ProcessTree;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Publishes the node's meters ({@link ProcessMeters}, bound by Boot to its meter registries) and
 * installs {@link ObservedTelemetry}: every handled message is an {@code otp.process.messages}
 * Observation within its sender's context. Backs off without Micrometer.
 */
@AutoConfiguration(after = OtpAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean({ Node.class, ProcessTree.class })
public final class OtpMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProcessMeters otpProcessMeters(Node node, ProcessTree tree) {
        return new ProcessMeters(node, tree::processNames);
    }

    @Bean
    @ConditionalOnMissingBean(Telemetry.class)
    ObservedTelemetry otpTelemetry(ObjectProvider<ObservationRegistry> registry,
            ObjectProvider<ProcessMessageObservationConvention> convention, ProcessMeters meters) {
        return new ObservedTelemetry(registry.getIfAvailable(() -> ObservationRegistry.NOOP),
                ContextSnapshotFactory.builder().build(), convention.getIfAvailable(), meters);
    }
}
