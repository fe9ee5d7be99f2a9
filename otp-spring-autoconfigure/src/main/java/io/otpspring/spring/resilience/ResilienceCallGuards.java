package io.otpspring.spring.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.otpspring.core.mailbox.MailboxSpec;
import io.otpspring.core.mailbox.OverflowPolicy;
import io.otpspring.spring.process.CallGuard;
import io.otpspring.spring.process.CallGuards;
import org.jspecify.annotations.Nullable;

/**
 * Guards from the application's Resilience4j registries, so their instances show in Resilience4j's
 * own endpoints and meters: the circuit breaker instance configured for a process bean, and, for a
 * bounded mailbox that rejects, a bulkhead named after the bean, as wide as the mailbox (unless the
 * application configures a bulkhead of that name itself).
 */
public final class ResilienceCallGuards implements CallGuards {

    private final CircuitBreakerRegistry circuitBreakers;
    private final BulkheadRegistry bulkheads;
    private final Map<String, ResilienceGuard> guards = new ConcurrentHashMap<>();

    public ResilienceCallGuards(CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads) {
        this.circuitBreakers = circuitBreakers;
        this.bulkheads = bulkheads;
    }

    @Override
    public CallGuard of(String bean, @Nullable String circuitBreaker, MailboxSpec mailbox) {
        CircuitBreaker breaker = circuitBreaker == null ? null : circuitBreakers.circuitBreaker(circuitBreaker);
        Bulkhead bulkhead = mailbox.isBounded() && mailbox.overflow() == OverflowPolicy.REJECT
                ? bulkheads.bulkhead(bean, BulkheadConfig.custom().maxConcurrentCalls(mailbox.capacity())
                        .maxWaitDuration(Duration.ZERO).build())
                : null;
        if (breaker == null && bulkhead == null) {
            return CallGuard.NONE;
        }
        return guards.computeIfAbsent(bean, name -> new ResilienceGuard(breaker, bulkhead));
    }

    @Override
    public @Nullable GuardState state(String bean) {
        ResilienceGuard guard = guards.get(bean);
        return guard == null ? null : guard.state();
    }
}
