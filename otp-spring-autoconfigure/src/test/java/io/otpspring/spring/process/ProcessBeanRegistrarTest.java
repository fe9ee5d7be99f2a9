package io.otpspring.spring.process;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.otpspring.core.process.Node;
import io.otpspring.spring.annotation.GenServer;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How process beans are found and what other beans inject in their place: {@code @GenServer} beans
 * defined by class or by {@code @Bean} method, directly or through a meta-annotation, each injected
 * as its proxy with its {@code @Primary} and {@code @Qualifier} kept, never as the target behind it.
 */
class ProcessBeanRegistrarTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class));

    @GenServer
    static class Greeter {

        private int greeted;

        public String greet(String whom) {
            greeted++;
            return "hello " + whom + " #" + greeted;
        }
    }

    /** An application's own stereotype for process beans. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @GenServer
    @interface Actor {
    }

    @Actor
    static class Echo {
        public String echo(String text) {
            return text;
        }
    }

    /** An ordinary bean injecting process beans. */
    static class Client {

        final Greeter greeter;

        Client(Greeter greeter) {
            this.greeter = greeter;
        }
    }

    @Test
    void aGenServerClassRegisteredByClassBecomesAProcess() {
        contexts.withBean("greeter", Greeter.class).run(context -> {
            Greeter greeter = context.getBean(Greeter.class);
            assertThat(AopUtils.isCglibProxy(greeter)).isTrue();
            assertThat(greeter.greet("ada")).isEqualTo("hello ada #1");
            assertThat(greeter.greet("bob")).isEqualTo("hello bob #2");
            assertThat(context.getBean(Node.class).whereis("greeter")).isNotNull();
        });
    }

    @Test
    void aMetaAnnotatedClassBecomesAProcess() {
        contexts.withBean("echo", Echo.class).run(context -> {
            assertThat(context.getBean(Echo.class).echo("hi")).isEqualTo("hi");
            assertThat(context.getBean(Node.class).whereis("echo")).isNotNull();
        });
    }

    @Test
    void otherBeansGetTheProxyAndNeverTheTarget() {
        contexts.withBean("greeter", Greeter.class).withBean(Client.class).run(context -> {
            assertThat(context).hasNotFailed();
            Client client = context.getBean(Client.class);
            assertThat(client.greeter).isSameAs(context.getBean(Greeter.class)).hasToString("process bean 'greeter'");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoGreeters {

        @Bean
        Greeter english() {
            return new Greeter();
        }

        @Bean
        @Primary
        Greeter french() {
            return new Greeter();
        }

        @Bean
        Client client(Greeter greeter) {
            return new Client(greeter);
        }
    }

    @Test
    void aPrimaryProcessBeanStaysPrimary() {
        contexts.withUserConfiguration(TwoGreeters.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Client.class).greeter).hasToString("process bean 'french'");
            assertThat(context.getBean(Greeter.class)).hasToString("process bean 'french'");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class QualifiedGreeters {

        @Bean
        @Qualifier("polite")
        Greeter formal() {
            return new Greeter();
        }

        @Bean
        @Qualifier("casual")
        Greeter friendly() {
            return new Greeter();
        }

        @Bean
        Client client(@Qualifier("casual") Greeter greeter) {
            return new Client(greeter);
        }
    }

    @Test
    void aQualifiedProcessBeanKeepsItsQualifier() {
        contexts.withUserConfiguration(QualifiedGreeters.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Client.class).greeter).hasToString("process bean 'friendly'");
        });
    }
}
