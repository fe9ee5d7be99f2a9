package io.otpspring.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link GenServer @GenServer} bean run in the process when an incarnation
 * stops (gracefully or after a crash, not when killed); it may take the
 * {@link io.otpspring.core.process.ExitReason}. The bean's {@code @PreDestroy} methods run right after.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Terminate {
}
