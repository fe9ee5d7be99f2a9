package io.otpspring.spring.process;

import io.otpspring.core.mailbox.MailboxSpec;
import org.jspecify.annotations.Nullable;

/**
 * The guards of process beans' proxies: a bean, backed by Resilience4j when it is on the classpath.
 * Without one, guards that are configured fail the context with the fix.
 */
public interface CallGuards {

    /**
     * The guard of process bean {@code bean}.
     *
     * @param circuitBreaker the circuit breaker instance configured for it, or {@code null}
     * @param mailbox its mailbox: a bounded one that rejects may stand behind a bulkhead
     */
    CallGuard of(String bean, @Nullable String circuitBreaker, MailboxSpec mailbox);

    /** The state of the guard of {@code bean}, for observers, or {@code null} when it has none. */
    default @Nullable GuardState state(String bean) {
        return null;
    }

    /**
     * A guard's state, by names only.
     *
     * @param circuitBreaker the circuit breaker instance's name, or {@code null}
     * @param circuitBreakerState its state ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}, ...), or {@code null}
     * @param bulkhead the bulkhead's name, or {@code null}
     * @param availableCalls the calls the bulkhead still admits, or {@code null}
     */
    record GuardState(@Nullable String circuitBreaker, @Nullable String circuitBreakerState, @Nullable String bulkhead,
            @Nullable Integer availableCalls) {
    }

    /** Without Resilience4j: no bulkheads, and a configured circuit breaker is an error that says what to add. */
    CallGuards UNAVAILABLE = (bean, circuitBreaker, mailbox) -> {
        if (circuitBreaker != null) {
            throw new ProcessDefinitionException("bean '" + bean + "' is guarded by circuit breaker '" + circuitBreaker
                    + "', which needs Resilience4j: add io.github.resilience4j:resilience4j-circuitbreaker and "
                    + "resilience4j-bulkhead (or resilience4j-spring-boot4) to the application's dependencies");
        }
        return CallGuard.NONE;
    };
}
