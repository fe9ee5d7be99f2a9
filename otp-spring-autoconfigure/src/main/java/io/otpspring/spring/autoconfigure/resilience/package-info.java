/** Auto-configuration of restart backoff, circuit breakers and bulkheads from Resilience4j. */
@NullMarked
package io.otpspring.spring.autoconfigure.resilience;

import org.jspecify.annotations.NullMarked;
