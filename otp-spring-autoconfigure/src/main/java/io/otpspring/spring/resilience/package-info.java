/**
 * Resilience4j in front of and behind processes: restart backoff from an {@code IntervalFunction},
 * circuit breakers and bulkheads guarding process beans' proxies. Loaded only when Resilience4j is
 * on the classpath.
 */
@NullMarked
package io.otpspring.spring.resilience;

import org.jspecify.annotations.NullMarked;
