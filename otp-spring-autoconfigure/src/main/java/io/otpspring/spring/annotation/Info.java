package io.otpspring.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link GenServer @GenServer} bean that handles plain messages (sent to its
 * pid or name), timer messages and {@code Down}/{@code Exit} notices. It takes one parameter: the
 * message types it accepts; the most specific matching method handles each message. Calling it
 * through the bean sends its argument as such a message.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Info {
}
