package io.otpspring.spring.actuate.app;

import io.otpspring.core.process.Node;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.registry.Registry;
import io.otpspring.core.statem.Event;
import io.otpspring.core.statem.Transition;
import io.otpspring.core.supervision.Restart;
import io.otpspring.spring.annotation.Cast;
import io.otpspring.spring.annotation.GenServer;
import io.otpspring.spring.annotation.GenStateMachine;
import io.otpspring.spring.annotation.Supervisor;
import io.otpspring.spring.annotation.Supervised;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;

/**
 * The application the actuator tests run (in a package of its own: its component scan must not reach the library): a pricing process, an inventory that depends on it, a
 * traffic-light state machine under a {@code @Supervisor} (and one per crossing), a per-key counter, and a registry of users.
 */
@SpringBootApplication
public class TestApplication {

    /** Crashes on request. */
    @GenServer
    public static class Pricing {

        public int price(String item) {
            return item.length();
        }

        public void crash() {
            throw new IllegalStateException("pricing crashed on purpose");
        }
    }

    @GenServer
    public static class Inventory {

        private final Pricing pricing;

        public Inventory(Pricing pricing) {
            this.pricing = pricing;
        }

        public int value(String item) {
            return pricing.price(item) * 2;
        }
    }

    /** A supervisor of its own for the lights. */
    @Supervisor
    public static class Signals {
    }

    public enum Light {
        RED, GREEN
    }

    /** Switches colour on every {@code "next"} cast. */
    @GenStateMachine
    @Supervised(parent = Signals.class)
    public static class TrafficLight implements io.otpspring.core.statem.GenStateMachine<Light> {

        @Override
        public Transition.Next<Light> init(ProcessContext self) {
            return Transition.next(Light.RED);
        }

        @Override
        public Transition<Light> handleEvent(Light state, Event<Light> event) {
            return event instanceof Event.Cast<Light> ? Transition.next(state == Light.RED ? Light.GREEN : Light.RED)
                    : Transition.keep();
        }
    }

    /** Temporary: once stopped, forgotten. */
    @GenServer
    @Supervised(restart = Restart.TEMPORARY)
    public static class Scratchpad {

        public String note() {
            return "scribble";
        }
    }

    /** One per key. */
    @GenServer
    public static class Counter {

        private int count;

        @Cast
        public void increment() {
            count++;
        }

        public int count() {
            return count;
        }
    }

    @Bean
    Pricing pricing() {
        return new Pricing();
    }

    @Bean
    Inventory inventory(Pricing pricing) {
        return new Inventory(pricing);
    }

    @Bean
    Scratchpad scratchpad() {
        return new Scratchpad();
    }

    @Bean
    Signals signals() {
        return new Signals();
    }

    @Bean
    TrafficLight trafficLight() {
        return new TrafficLight();
    }

    /** A traffic light per crossing, started on demand. */
    @Bean
    @Scope("prototype")
    TrafficLight crossing() {
        return new TrafficLight();
    }

    @Bean
    @Scope("prototype")
    Counter counter() {
        return new Counter();
    }

    @Bean
    Registry<String, String> users(Node node) {
        return Registry.unique(node, "users");
    }
}
