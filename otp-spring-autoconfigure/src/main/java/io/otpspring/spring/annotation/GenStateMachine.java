package io.otpspring.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Makes a bean implementing {@link io.otpspring.core.statem.GenStateMachine} a supervised state
 * machine process, registered under the bean name and placed in the tree like a
 * {@link GenServer @GenServer}. Other beans inject a
 * {@link io.otpspring.spring.process.StateMachineHandle StateMachineHandle&lt;S&gt;} (by type, or by
 * the bean name as qualifier) to call it, cast to it and read its current state and recent
 * transitions. A restart builds a fresh bean instance, in its initial state. Every
 * {@link io.otpspring.core.statem.TransitionListener} bean hears every transition.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface GenStateMachine {

    /** The bean name, which is also the process's registered name; empty: derived from the class name. */
    @AliasFor(annotation = Component.class)
    String value() default "";
}
