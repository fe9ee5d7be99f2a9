package io.otpspring.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Makes a bean a process, as Erlang's {@code gen_server}: its fields are state confined to the
 * process, and the bean other beans inject is a proxy that turns each method call into a message
 * to the current incarnation, registered under the bean name.
 * <ul>
 * <li>a public method returning a value (or {@code void}) is a call: the caller waits for the result;</li>
 * <li>a public method returning {@code CompletableFuture} is an asynchronous call;</li>
 * <li>an {@link Cast @Cast} method is a cast: the caller does not wait;</li>
 * <li>{@link Info @Info} methods receive plain messages, timers and {@code Down} notices;</li>
 * <li>{@link Init @Init} and {@link Terminate @Terminate} methods run in the process when an
 * incarnation starts and stops.</li>
 * </ul>
 * A runtime exception a method does not declare crashes the process, and its caller gets an
 * {@link io.otpspring.core.process.ExitException}; an exception the method declares is returned to
 * the caller, and the process lives on. A restart builds a fresh bean instance.
 * <p>
 * Like {@code @Service}, it is a {@link Component @Component}: component scanning picks the class
 * up; a {@code @Bean} method returning it works as well.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface GenServer {

    /** The bean name, which is also the process's registered name; empty: derived from the class name. */
    @AliasFor(annotation = Component.class)
    String value() default "";

    /**
     * The Resilience4j circuit breaker instance that guards calls to the process (crashes, exits
     * and timeouts count as failures; while it is open, callers get {@code CallNotPermittedException}
     * at once); empty: none. {@code otp.processes.<bean>.circuit-breaker} overrides it.
     */
    String circuitBreaker() default "";
}
