package io.otpspring.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.otpspring.core.supervision.Restart;

/**
 * How the supervisor treats a process bean ({@link GenServer @GenServer}) or a supervisor bean
 * ({@link Supervisor @Supervisor}). Without it: permanent, the default shutdown, under the
 * application's root supervisor.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Supervised {

    /** When it is restarted after it exits. */
    Restart restart() default Restart.PERMANENT;

    /**
     * How it is stopped: a duration such as {@code "5s"} or {@code "500ms"} (ask, then kill after
     * that long), {@code "brutal-kill"} or {@code "infinity"}. Empty: 5 s for a process, infinity
     * for a supervisor.
     */
    String shutdown() default "";

    /** The {@link Supervisor @Supervisor} bean class it runs under; {@code void.class}: the root. */
    Class<?> parent() default void.class;

    /**
     * How long its supervisor waits before restarting it when it keeps crashing; by default it
     * restarts at once. {@code otp.processes.<bean>.restart-backoff.*} overrides it.
     */
    Backoff backoff() default @Backoff;
}
