package io.otpspring.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.otpspring.core.supervision.Strategy;

/**
 * Declares a supervisor in the application's tree: annotate a (usually empty) bean class, and put
 * processes under it with {@code @Supervised(parent = ThisClass.class)}. It may itself be
 * {@link Supervised @Supervised} under another supervisor.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Supervisor {

    /** Which children restart together; by default a child restarts with the children that depend on it. */
    Strategy strategy() default Strategy.DEPENDENTS_FOR_ONE;

    /** Restarts allowed within {@link #period()}; negative: the {@code otp.restart.intensity} property. */
    int intensity() default -1;

    /** The window of the intensity, as {@code "5s"}; empty: the {@code otp.restart.period} property. */
    String period() default "";
}
