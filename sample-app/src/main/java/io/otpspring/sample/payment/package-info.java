/**
 * A flaky payment gateway as a process, guarded by a Resilience4j circuit breaker and restarted
 * with backoff.
 */
@NullMarked
package io.otpspring.sample.payment;

import org.jspecify.annotations.NullMarked;
