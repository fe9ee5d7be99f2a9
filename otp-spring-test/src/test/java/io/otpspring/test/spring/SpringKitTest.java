package io.otpspring.test.spring;

import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.statem.Event;
import io.otpspring.core.statem.Transition;
import io.otpspring.spring.annotation.GenServer;
import io.otpspring.spring.annotation.GenStateMachine;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import io.otpspring.spring.process.ProcessTree;
import io.otpspring.spring.process.StateMachineHandle;
import io.otpspring.test.OtpTestKit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.otpspring.test.OtpAssertions.assertThat;
import static io.otpspring.test.OtpAssertions.assertThatProcess;
import static io.otpspring.test.OtpAssertions.assertThatSupervisor;
import static org.assertj.core.api.Assertions.assertThat;

/** The kit as a bean on the application's node: faults and assertions on process beans. */
class SpringKitTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class, OtpTestKitAutoConfiguration.class))
            .withUserConfiguration(Beans.class);

    @GenServer
    public static class Pricing {
        public int price(String item) {
            return item.length();
        }
    }

    public enum Light {
        RED, GREEN
    }

    @GenStateMachine
    public static class TrafficLight implements io.otpspring.core.statem.GenStateMachine<Light> {
        @Override
        public Transition.Next<Light> init(ProcessContext self) {
            return Transition.next(Light.RED);
        }

        @Override
        public Transition<Light> handleEvent(Light state, Event<Light> event) {
            return event instanceof Event.Cast<Light> ? Transition.next(Light.GREEN) : Transition.keep();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        Pricing pricing() {
            return new Pricing();
        }

        @Bean
        TrafficLight trafficLight() {
            return new TrafficLight();
        }
    }

    @Test
    void aProcessBeanCrashedThroughTheKitIsRestartedByItsSupervisor() {
        contexts.run(context -> {
            OtpTestKit kit = context.getBean(OtpTestKit.class);
            Node node = context.getBean(Node.class);
            Pid before = node.whereis("pricing");

            kit.faults().crash(before);

            assertThat(before).eventually().isDead();
            assertThatSupervisor(node.named(ProcessTree.ROOT)).eventually().child("pricing").hasRestarted(1).isRunning();
            kit.faults().awaitRestart(node.named("pricing"), before);
            assertThatProcess(node.named("pricing")).isAlive().hasMailboxSize(0);
            assertThat(context.getBean(Pricing.class).price("tea")).isEqualTo(3);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStateMachineBeanIsAssertedThroughItsHandle() {
        contexts.run(context -> {
            StateMachineHandle<Light> light = context.getBean("trafficLight", StateMachineHandle.class);
            light.cast("go");

            assertThat(light).eventually().isInState(Light.GREEN).hasTransitioned(Light.RED, "go", Light.GREEN);
        });
    }
}
