package io.otpspring.spring.resilience;

import java.util.concurrent.TimeUnit;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.otpspring.core.mailbox.MailboxFullException;
import io.otpspring.spring.process.CallGuard;
import io.otpspring.spring.process.CallGuards.GuardState;
import org.jspecify.annotations.Nullable;

/**
 * A circuit breaker and a bulkhead in front of one process bean, through Resilience4j's permission
 * API (calls are messages, answered on another thread). The breaker records a call's outcome: an
 * answer (a declared exception included) is a success; the process's exit, a timeout or a full
 * mailbox is a failure; casts only ask permission. The bulkhead admits as many calls at once as
 * the mailbox holds messages, and speaks for the mailbox when it rejects.
 */
final class ResilienceGuard implements CallGuard {

    private final @Nullable CircuitBreaker breaker;
    private final @Nullable Bulkhead bulkhead;

    ResilienceGuard(@Nullable CircuitBreaker breaker, @Nullable Bulkhead bulkhead) {
        this.breaker = breaker;
        this.bulkhead = bulkhead;
    }

    @Override
    public Permit admit() {
        if (breaker != null && !breaker.tryAcquirePermission()) {
            throw CallNotPermittedException.createCallNotPermittedException(breaker);
        }
        if (bulkhead != null && !bulkhead.tryAcquirePermission()) {
            if (breaker != null) {
                breaker.releasePermission();
            }
            throw BulkheadFullException.createBulkheadFullException(bulkhead);
        }
        long start = breaker == null ? 0 : breaker.getCurrentTimestamp();
        return new Permit() {
            @Override
            public void completed(@Nullable Throwable failure) {
                if (bulkhead != null) {
                    bulkhead.onComplete();
                }
                if (breaker != null) {
                    long elapsed = breaker.getCurrentTimestamp() - start;
                    TimeUnit unit = breaker.getTimestampUnit();
                    if (failure == null) {
                        breaker.onSuccess(elapsed, unit);
                    }
                    else {
                        breaker.onError(elapsed, unit, failure);
                    }
                }
            }

            @Override
            public void sent() {
                if (bulkhead != null) {
                    bulkhead.onComplete();
                }
                if (breaker != null) {
                    breaker.releasePermission();
                }
            }
        };
    }

    @Override
    public RuntimeException rejected(MailboxFullException full) {
        return bulkhead == null ? full : BulkheadFullException.createBulkheadFullException(bulkhead);
    }

    GuardState state() {
        return new GuardState(breaker == null ? null : breaker.getName(),
                breaker == null ? null : breaker.getState().name(), bulkhead == null ? null : bulkhead.getName(),
                bulkhead == null ? null : bulkhead.getMetrics().getAvailableConcurrentCalls());
    }
}
