package io.otpspring.spring.process;

import io.otpspring.core.supervision.RestartBackoff;

/**
 * Turns configured backoffs into the core's: a bean, Resilience4j's {@code IntervalFunction} when
 * it is on the classpath. Without one, a configured backoff fails the context with the fix.
 */
@FunctionalInterface
public interface RestartBackoffs {

    /** The backoff of process bean {@code bean} as {@code settings} describe it. */
    RestartBackoff of(String bean, BackoffSettings settings);

    /** What applies without Resilience4j: a configured backoff is an error that says what to add. */
    RestartBackoffs UNAVAILABLE = (bean, settings) -> {
        throw new ProcessDefinitionException("bean '" + bean + "' restarts with a backoff, which needs "
                + "Resilience4j: add io.github.resilience4j:resilience4j-core (or resilience4j-spring-boot4) "
                + "to the application's dependencies");
    };
}
