package io.otpspring.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a public {@code void} method of a {@link GenServer @GenServer} bean a cast: calling it
 * through the bean queues the message and returns at once. It must declare no checked exception
 * (there is no caller to give it to); a runtime exception crashes the process.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Cast {
}
