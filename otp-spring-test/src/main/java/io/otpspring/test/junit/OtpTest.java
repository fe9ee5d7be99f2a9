package io.otpspring.test.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test a node of its own, so tests run in parallel without meeting each other's
 * processes or names. Test methods (also in {@code @Nested} classes) may take an {@link io.otpspring.test.OtpTestKit},
 * the {@link io.otpspring.core.process.Node} or its {@link io.otpspring.core.process.VirtualTime}; so may
 * {@code @BeforeEach} methods, which get the same test's kit (to keep it in a field).
 * After each test the kit shuts down the supervisors it started and its probes; the test fails if
 * processes are still alive then (it leaked them), and the node is closed either way.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(OtpTestExtension.class)
public @interface OtpTest {

    /** Whether the node runs on virtual time: timers and clock move only when the test advances them. */
    boolean virtualTime() default false;

    /** Whether a test that leaves processes alive fails. */
    boolean failOnLeaks() default true;
}
