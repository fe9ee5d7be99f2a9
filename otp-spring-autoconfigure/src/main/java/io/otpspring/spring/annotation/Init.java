package io.otpspring.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link GenServer @GenServer} bean run in the process when an incarnation
 * starts, before it handles any message; it may take the
 * {@link io.otpspring.core.process.ProcessContext} (to start timers, monitor, trap exits). A thrown
 * exception fails the start. {@code @PostConstruct} still runs, but when Spring builds the instance,
 * not necessarily in the process.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Init {
}
