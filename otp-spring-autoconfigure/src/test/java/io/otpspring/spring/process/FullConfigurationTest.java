package io.otpspring.spring.process;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.otpspring.spring.annotation.GenServer;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import jakarta.annotation.PostConstruct;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Process beans declared by {@code @Bean} methods of a full (proxied) {@code @Configuration} class,
 * calling one another as such classes do: every reference is the process, and the proxy that
 * stands for a process gets no injection and no lifecycle callbacks of its own.
 */
class FullConfigurationTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class))
            .withUserConfiguration(FullConfiguration.class);

    /** Shared by every instance: what the lifecycle methods saw. */
    static class Journal {
        final List<String> entries = new CopyOnWriteArrayList<>();
    }

    @GenServer
    static class Pricing {

        private Journal journal;

        @Autowired
        void setJournal(Journal journal) {
            this.journal = journal;
        }

        @PostConstruct
        void started() {
            journal.entries.add("post-construct on " + (getClass() == Pricing.class ? "instance" : "proxy"));
        }

        public int price(String item) {
            return item.length();
        }
    }

    @GenServer
    static class Inventory {

        private final Pricing pricing;

        Inventory(Pricing pricing) {
            this.pricing = pricing;
        }

        public int value(String item) {
            return pricing.price(item) * 10;
        }

        public boolean usesAProcess() {
            return pricing.getClass() != Pricing.class;
        }
    }

    @Configuration
    static class FullConfiguration {

        @Bean
        Journal journal() {
            return new Journal();
        }

        @Bean
        Pricing pricing() {
            return new Pricing();
        }

        @Bean
        Inventory inventory() {
            return new Inventory(pricing());
        }
    }

    @Test
    void anInterBeanCallReachesTheProcessAndTheProxyHasNoLifecycleOfItsOwn() {
        contexts.run(context -> {
            assertThat(context).hasNotFailed();
            Inventory inventory = context.getBean(Inventory.class);

            assertThat(inventory.value("tea")).isEqualTo(30);
            assertThat(inventory.usesAProcess()).isTrue();
            assertThat(context.getBean(Journal.class).entries).containsExactly("post-construct on instance");
        });
    }
}
