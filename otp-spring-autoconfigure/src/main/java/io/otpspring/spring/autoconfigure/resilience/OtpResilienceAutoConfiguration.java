package io.otpspring.spring.autoconfigure.resilience;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import io.otpspring.spring.process.CallGuards;
import io.otpspring.spring.process.RestartBackoffs;
import io.otpspring.spring.resilience.IntervalRestartBackoffs;
import io.otpspring.spring.resilience.ResilienceCallGuards;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Resilience4j for process beans, when it is on the classpath: restart backoff from its
 * {@code IntervalFunction}; circuit breakers and bulkheads from the application's registries (or
 * default ones), in front of process beans' proxies.
 */
@AutoConfiguration(before = OtpAutoConfiguration.class, afterName = {
        "io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
        "io.github.resilience4j.springboot.bulkhead.autoconfigure.BulkheadAutoConfiguration" })
@ConditionalOnClass(IntervalFunction.class)
@ConditionalOnBooleanProperty(name = "otp.enabled", matchIfMissing = true)
public final class OtpResilienceAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RestartBackoffs otpRestartBackoffs() {
        return new IntervalRestartBackoffs();
    }

    /** Circuit breakers and bulkheads, when both Resilience4j modules are there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ CircuitBreakerRegistry.class, BulkheadRegistry.class })
    static class GuardsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        CallGuards otpCallGuards(ObjectProvider<CircuitBreakerRegistry> circuitBreakers,
                ObjectProvider<BulkheadRegistry> bulkheads) {
            return new ResilienceCallGuards(circuitBreakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults),
                    bulkheads.getIfAvailable(BulkheadRegistry::ofDefaults));
        }
    }
}
