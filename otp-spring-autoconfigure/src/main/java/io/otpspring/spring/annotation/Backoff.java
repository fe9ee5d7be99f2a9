package io.otpspring.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.otpspring.core.supervision.RestartBackoff.WhileRestarting;

/**
 * Restarts with exponential backoff and jitter (Resilience4j's {@code IntervalFunction}), for
 * {@link Supervised#backoff()}: the n-th restart in a row waits {@code initial × multiplier^(n-1)}
 * (at most {@code max}), randomized by ± {@code randomization}. Needs
 * {@code io.github.resilience4j:resilience4j-core} on the classpath.
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Backoff {

    /** The first delay, e.g. {@code "200ms"}; empty: no backoff, restarts happen at once. */
    String initial() default "";

    /** How much each delay grows over the one before. */
    double multiplier() default 2.0;

    /** How much a delay may vary at random, as a share of it (from 0, none, to below 1). */
    double randomization() default 0.5;

    /** The longest delay. */
    String max() default "30s";

    /** How long an incarnation must run for the next crash to count as the first again. */
    String resetAfter() default "1m";

    /** What becomes of calls while the process waits to restart. */
    WhileRestarting whileRestarting() default WhileRestarting.FAIL_CALLS;
}
