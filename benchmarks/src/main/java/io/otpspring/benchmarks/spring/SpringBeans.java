package io.otpspring.benchmarks.spring;

import io.otpspring.spring.annotation.GenServer;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The beans the Spring benchmarks register, and the context they register them in. {@link Counter}
 * and {@link PlainCounter} are the same class but for {@code @GenServer}, so that what a benchmark
 * measures between them is what the annotation adds. Public, as application beans usually are: the
 * process invokes {@code Counter}'s methods through method handles looked up from otp-spring's package.
 */
public final class SpringBeans {

    private SpringBeans() {
    }

    /**
     * A new, not yet refreshed context with otp-spring's auto-configuration imported (a
     * {@code Node}, the process settings, the registrar that turns {@code @GenServer} definitions
     * into processes, the process tree). No Spring Boot application around it: no logging system,
     * no banner, no other auto-configuration, so that the context's own work is what is timed.
     */
    static AnnotationConfigApplicationContext otpContext() {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.register(OtpAutoConfiguration.class);
        return context;
    }

    /** A counter run as a process: other beans get a proxy whose calls become messages to it. */
    @GenServer
    public static class Counter {

        private long count;

        public long increment() {
            return ++count;
        }
    }

    /** {@link Counter} without {@code @GenServer}: an ordinary singleton, called directly. */
    public static class PlainCounter {

        private long count;

        public long increment() {
            return ++count;
        }
    }
}
