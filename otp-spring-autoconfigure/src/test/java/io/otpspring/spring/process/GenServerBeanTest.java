package io.otpspring.spring.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.spring.annotation.Cast;
import io.otpspring.spring.annotation.GenServer;
import io.otpspring.spring.annotation.Info;
import io.otpspring.spring.annotation.Init;
import io.otpspring.spring.annotation.Terminate;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import jakarta.annotation.PreDestroy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A {@code @GenServer} bean through a real Spring context: calls, casts, messages, errors and restarts. */
class GenServerBeanTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class))
            .withUserConfiguration(Beans.class);

    /** A checked business error. */
    static class OutOfStock extends Exception {
        OutOfStock(String item) {
            super("out of stock: " + item);
        }
    }

    /** An ordinary bean that records what the process does, shared across incarnations. */
    static class Journal {
        final List<String> entries = new CopyOnWriteArrayList<>();
        final AtomicInteger instances = new AtomicInteger();
    }

    /** A message for the @Info handler. */
    record Restock(String item, int count) {
    }

    @GenServer
    static class Inventory {

        private final Journal journal;
        private final java.util.Map<String, Integer> stock = new java.util.HashMap<>();
        private Pid self;

        Inventory(Journal journal) {
            this.journal = journal;
            journal.instances.incrementAndGet();
        }

        @Init
        void start(ProcessContext context) {
            self = context.self();
            journal.entries.add("init");
        }

        public int count(String item) {
            return stock.getOrDefault(item, 0);
        }

        public int take(String item) throws OutOfStock {
            int left = count(item);
            if (left == 0) {
                throw new OutOfStock(item);
            }
            stock.put(item, left - 1);
            return left - 1;
        }

        public CompletableFuture<Integer> countLater(String item) {
            return CompletableFuture.supplyAsync(() -> stock.getOrDefault(item, 0));
        }

        @Cast
        public void add(String item) {
            stock.merge(item, 1, Integer::sum);
        }

        @Info
        void onRestock(Restock restock) {
            stock.merge(restock.item(), restock.count(), Integer::sum);
        }

        public Pid self() {
            return self;
        }

        public void crash() {
            throw new IllegalStateException("inventory crashes on purpose");
        }

        public java.util.concurrent.CompletionStage<Integer> countStage(String item) {
            return CompletableFuture.completedFuture(count(item));
        }

        public int crashDespiteABroadThrowsClause() throws Exception {
            throw new IllegalStateException("a bug, not a business error");
        }

        @Terminate
        void stop(ExitReason reason) {
            journal.entries.add("terminate " + reason.getClass().getSimpleName());
        }

        @PreDestroy
        void destroyed() {
            journal.entries.add("destroyed");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        Journal journal() {
            return new Journal();
        }

        @Bean
        Inventory inventory(Journal journal) {
            return new Inventory(journal);
        }
    }

    @Test
    void callsCastsAndMessagesReachTheProcess() {
        contexts.run(context -> {
            Inventory inventory = context.getBean(Inventory.class);

            inventory.add("apple");
            inventory.add("apple");
            assertThat(inventory.count("apple")).isEqualTo(2);
            assertThat(inventory.take("apple")).isEqualTo(1);
            context.getBean(Node.class).named("inventory").send(new Restock("pear", 3));
            assertThat(inventory.countLater("pear").get()).isEqualTo(3);
            inventory.onRestock(new Restock("plum", 1));
            assertThat(inventory.count("plum")).isEqualTo(1);
            assertThat(context.getBean(Journal.class).entries).containsExactly("init");
        });
    }

    @Test
    void aDeclaredExceptionIsTheCallersAndTheProcessLivesOn() {
        contexts.run(context -> {
            Inventory inventory = context.getBean(Inventory.class);
            Pid before = inventory.self();

            assertThatThrownBy(() -> inventory.take("gold")).isInstanceOf(OutOfStock.class).hasMessage("out of stock: gold");

            assertThat(inventory.self()).isEqualTo(before);
        });
    }

    @Test
    void anUndeclaredExceptionCrashesTheProcessAndARestartBuildsAFreshBean() {
        contexts.run(context -> {
            Inventory inventory = context.getBean(Inventory.class);
            Journal journal = context.getBean(Journal.class);
            inventory.add("apple");
            Pid before = inventory.self();

            assertThatThrownBy(inventory::crash).isInstanceOf(ExitException.class)
                    .hasMessageContaining("inventory crashes on purpose");

            await().atMost(WAIT).untilAsserted(() -> assertThat(inventory.self()).isNotEqualTo(before));
            assertThat(inventory.count("apple")).as("state starts afresh").isZero();
            assertThat(journal.instances).hasValue(2);
            assertThat(journal.entries).containsExactly("init", "terminate Crash", "destroyed", "init");
        });
    }

    @Test
    void closingTheContextStopsTheProcessGracefully() {
        Journal[] journal = new Journal[1];
        contexts.run(context -> {
            journal[0] = context.getBean(Journal.class);
            context.getBean(Inventory.class).add("apple");
        });
        assertThat(journal[0].entries).containsExactly("init", "terminate Shutdown", "destroyed");
    }

    @Test
    void aCompletionStageIsAnAsynchronousCallToo() {
        contexts.run(context -> {
            Inventory inventory = context.getBean(Inventory.class);
            inventory.add("apple");

            assertThat(inventory.countStage("apple").toCompletableFuture().get()).isEqualTo(1);
        });
    }

    @Test
    void aBroadThrowsClauseDoesNotTurnACrashIntoABusinessError() {
        contexts.run(context -> {
            Inventory inventory = context.getBean(Inventory.class);
            Pid before = inventory.self();

            assertThatThrownBy(inventory::crashDespiteABroadThrowsClause).isInstanceOf(ExitException.class)
                    .hasMessageContaining("a bug, not a business error");
            await().atMost(WAIT).untilAsserted(() -> assertThat(inventory.self()).isNotEqualTo(before));
        });
    }

    @Test
    void theProxyNamesItsProcess() {
        contexts.run(context -> assertThat(context.getBean(Inventory.class)).hasToString("process bean 'inventory'"));
    }

    @Test
    void contextsShareTheProxyClassOfAProcessBeanClass() {
        List<Class<?>> proxyClasses = new CopyOnWriteArrayList<>();
        contexts.run(context -> proxyClasses.add(context.getBean(Inventory.class).getClass()));
        contexts.run(context -> proxyClasses.add(context.getBean(Inventory.class).getClass()));

        assertThat(proxyClasses.get(1)).isSameAs(proxyClasses.get(0));
    }

    @Test
    void theProxyIsEqualToItselfOnly() {
        contexts.run(context -> {
            Inventory inventory = context.getBean(Inventory.class);

            assertThat(inventory.equals(inventory)).isTrue();
            assertThat(inventory.equals(new Inventory(new Journal()))).isFalse();
            assertThat(inventory.hashCode()).isEqualTo(inventory.hashCode());
        });
    }

    @Test
    void lifecycleMethodsBelongToTheProcess() {
        contexts.run(context -> {
            Inventory inventory = context.getBean(Inventory.class);

            assertThatThrownBy(() -> inventory.start(null)).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("start of process 'inventory'");
            assertThat(context.getBean(Journal.class).entries).containsExactly("init");
        });
    }

    /** Implemented with a type argument, so that the compiler adds a bridge method to the implementing class. */
    interface Shelf<T> {

        T echo(T item);
    }

    @GenServer
    static class Labels implements Shelf<String> {

        @Override
        public String echo(String item) {
            return item;
        }
    }

    /** Calls {@code echo(Object)}, the bridge method. */
    private static <T> T throughTheBridge(Shelf<T> shelf, T item) {
        return shelf.echo(item);
    }

    @Test
    void aBridgeMethodCallsTheMethodItBridgesTo() {
        contexts.withBean("labels", Labels.class).run(context -> {
            Labels labels = context.getBean(Labels.class);

            assertThat(throughTheBridge(labels, "jam")).isEqualTo("jam");
            assertThat(labels.echo("tea")).isEqualTo("tea");
        });
    }
}
