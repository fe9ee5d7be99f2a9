package io.otpspring.spring.actuate.autoconfigure;

import io.otpspring.spring.actuate.health.OtpHealthContributor;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import io.otpspring.spring.process.ProcessTree;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/** The {@code otp} health contributor ({@code management.health.otp.enabled}), when Boot's health support is there. */
@AutoConfiguration(after = OtpAutoConfiguration.class)
@ConditionalOnClass(HealthContributor.class)
@ConditionalOnBean(ProcessTree.class)
@ConditionalOnEnabledHealthIndicator("otp")
@EnableConfigurationProperties(OtpActuatorProperties.class)
public final class OtpHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "otpHealthContributor")
    OtpHealthContributor otpHealthContributor(ProcessTree tree, OtpActuatorProperties properties) {
        return new OtpHealthContributor(tree, properties.getReportTimeout(),
                properties.getHealth().getRestartThreshold());
    }
}
