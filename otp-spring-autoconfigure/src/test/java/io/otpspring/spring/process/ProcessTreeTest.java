package io.otpspring.spring.process;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.supervision.ChildInfo;
import io.otpspring.core.supervision.ChildType;
import io.otpspring.core.supervision.Restart;
import io.otpspring.core.supervision.Strategy;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.spring.annotation.GenServer;
import io.otpspring.spring.annotation.Init;
import io.otpspring.spring.annotation.Supervised;
import io.otpspring.spring.annotation.Terminate;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import io.otpspring.spring.tree.TreeNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The supervision tree of a real context: derived from bean dependencies (directly and through
 * ordinary beans), started in dependency order and stopped in reverse, restarting a crashed process
 * with everything that depends on it, shaped by {@code @Supervisor} and {@code @Supervised}, and
 * giving up past the restart intensity.
 */
class ProcessTreeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class));

    /** An ordinary bean shared by all incarnations: what started and stopped, and how many instances were built. */
    static class Lifecycle {
        final List<String> events = new CopyOnWriteArrayList<>();
        final AtomicInteger instances = new AtomicInteger();
    }

    /**
     * What every process bean of these tests does: records its lifecycle under its bean name, numbers
     * its instances, counts, and crashes on request.
     */
    abstract static class Recorded {

        private final Lifecycle lifecycle;
        private final int instance;
        private int counter;
        private Pid self;

        Recorded(Lifecycle lifecycle) {
            this.lifecycle = lifecycle;
            this.instance = lifecycle.instances.incrementAndGet();
        }

        private String name() {
            return getClass().getSimpleName().toLowerCase(Locale.ROOT);
        }

        @Init
        void started(ProcessContext context) {
            self = context.self();
            lifecycle.events.add("start " + name());
        }

        @Terminate
        void stopped() {
            lifecycle.events.add("stop " + name());
        }

        public Pid self() {
            return self;
        }

        public int instance() {
            return instance;
        }

        public int bump() {
            return ++counter;
        }

        public void crash() {
            throw new IllegalStateException(name() + " crashes on purpose");
        }
    }

    @GenServer
    static class Pricing extends Recorded {
        Pricing(Lifecycle lifecycle) {
            super(lifecycle);
        }
    }

    @GenServer
    static class Inventory extends Recorded {
        Inventory(Lifecycle lifecycle, Pricing pricing) {
            super(lifecycle);
        }
    }

    /** An ordinary bean between two processes: checkout depends on pricing through it. */
    static class PriceBook {
        PriceBook(Pricing pricing) {
        }
    }

    @GenServer
    static class Checkout extends Recorded {
        Checkout(Lifecycle lifecycle, PriceBook priceBook) {
            super(lifecycle);
        }
    }

    @GenServer
    static class Shipping extends Recorded {
        Shipping(Lifecycle lifecycle, Inventory inventory) {
            super(lifecycle);
        }
    }

    @GenServer
    static class Audit extends Recorded {
        Audit(Lifecycle lifecycle) {
            super(lifecycle);
        }
    }

    /** Defined out of dependency order on purpose: the tree must reorder them. */
    @Configuration(proxyBeanMethods = false)
    static class Shop {

        @Bean
        Lifecycle lifecycle() {
            return new Lifecycle();
        }

        @Bean
        Shipping shipping(Lifecycle lifecycle, Inventory inventory) {
            return new Shipping(lifecycle, inventory);
        }

        @Bean
        Checkout checkout(Lifecycle lifecycle, PriceBook priceBook) {
            return new Checkout(lifecycle, priceBook);
        }

        @Bean
        Inventory inventory(Lifecycle lifecycle, Pricing pricing) {
            return new Inventory(lifecycle, pricing);
        }

        @Bean
        Audit audit(Lifecycle lifecycle) {
            return new Audit(lifecycle);
        }

        @Bean
        Pricing pricing(Lifecycle lifecycle) {
            return new Pricing(lifecycle);
        }

        @Bean
        PriceBook priceBook(Pricing pricing) {
            return new PriceBook(pricing);
        }
    }

    private static final List<String> SHOP_START_ORDER = List.of("audit", "pricing", "checkout", "inventory", "shipping");

    private static Map<String, Pid> pids(AssertableApplicationContext context, List<String> names) {
        Node node = context.getBean(Node.class);
        Map<String, Pid> pids = new LinkedHashMap<>();
        for (String name : names) {
            Pid pid = node.whereis(name);
            assertThat(pid).as("pid of %s", name).isNotNull();
            pids.put(name, pid);
        }
        return pids;
    }

    private static List<ChildInfo> children(AssertableApplicationContext context, String supervisor) {
        return Supervisor.whichChildren(context.getBean(Node.class).named(supervisor));
    }

    private static ChildInfo child(AssertableApplicationContext context, String supervisor, String id) {
        return children(context, supervisor).stream().filter(child -> child.id().equals(id)).findFirst().orElseThrow();
    }

    /** Waits until every one of {@code names} runs as an incarnation other than the one in {@code before}. */
    private static void awaitNewIncarnations(AssertableApplicationContext context, Map<String, Pid> before,
            String... names) {
        Node node = context.getBean(Node.class);
        await().atMost(WAIT).untilAsserted(() -> assertThat(names).allSatisfy(name -> {
            Pid now = node.whereis(name);
            assertThat(now).as("pid of %s", name).isNotNull().isNotEqualTo(before.get(name));
        }));
    }

    private static void crash(Recorded process) {
        assertThatThrownBy(process::crash).isInstanceOf(ExitException.class).hasMessageContaining("crashes on purpose");
    }

    @Test
    void processesStartInDependencyOrderAndStopInReverseWhenTheContextCloses() {
        Lifecycle[] lifecycle = new Lifecycle[1];
        contexts.withUserConfiguration(Shop.class).run(context -> {
            lifecycle[0] = context.getBean(Lifecycle.class);

            assertThat(children(context, ProcessTree.ROOT)).extracting(ChildInfo::id).containsExactlyElementsOf(SHOP_START_ORDER);
            assertThat(lifecycle[0].events).containsExactlyElementsOf(
                    SHOP_START_ORDER.stream().map(name -> "start " + name).toList());
            TreeNode.Branch tree = context.getBean(ProcessTree.class).tree();
            assertThat(tree.children()).extracting(TreeNode::name).containsExactlyElementsOf(SHOP_START_ORDER);
            assertThat(tree.children()).extracting(TreeNode::dependsOn).containsExactly(Set.of(), Set.of(),
                    Set.of("pricing"), Set.of("pricing"), Set.of("inventory"));
        });
        List<String> stops = SHOP_START_ORDER.reversed().stream().map(name -> "stop " + name).toList();
        assertThat(lifecycle[0].events.subList(SHOP_START_ORDER.size(), lifecycle[0].events.size()))
                .containsExactlyElementsOf(stops);
    }

    @Test
    void aCrashedProcessRestartsWithItsDependentsAndIndependentProcessesKeepRunning() {
        contexts.withUserConfiguration(Shop.class).run(context -> {
            Pricing pricing = context.getBean(Pricing.class);
            Inventory inventory = context.getBean(Inventory.class);
            Audit audit = context.getBean(Audit.class);
            Lifecycle lifecycle = context.getBean(Lifecycle.class);
            Map<String, Pid> before = pids(context, SHOP_START_ORDER);
            Map<String, Integer> instancesBefore = Map.of("pricing", pricing.instance(), "inventory", inventory.instance());
            pricing.bump();
            inventory.bump();
            audit.bump();
            lifecycle.events.clear();

            crash(pricing);

            awaitNewIncarnations(context, before, "pricing", "inventory", "checkout", "shipping");
            assertThat(context.getBean(Node.class).whereis("audit")).isEqualTo(before.get("audit"));
            assertThat(pricing.instance()).isNotEqualTo(instancesBefore.get("pricing"));
            assertThat(inventory.instance()).isNotEqualTo(instancesBefore.get("inventory"));
            assertThat(pricing.bump()).as("pricing starts afresh").isEqualTo(1);
            assertThat(inventory.bump()).as("inventory starts afresh").isEqualTo(1);
            assertThat(audit.bump()).as("audit keeps its state").isEqualTo(2);
            assertThat(children(context, ProcessTree.ROOT)).extracting(ChildInfo::id, ChildInfo::restarts)
                    .containsExactly(tuple("audit", 0),
                            tuple("pricing", 1),
                            tuple("checkout", 1),
                            tuple("inventory", 1),
                            tuple("shipping", 1));
            // the crashed one terminates, its dependents stop in reverse start order, then all start in order
            assertThat(lifecycle.events).containsExactly("stop pricing", "stop shipping", "stop inventory",
                    "stop checkout", "start pricing", "start checkout", "start inventory", "start shipping");
        });
    }

    @Test
    void aCrashedDependentRestartsWithItsOwnDependentsOnly() {
        contexts.withUserConfiguration(Shop.class).run(context -> {
            Map<String, Pid> before = pids(context, SHOP_START_ORDER);

            crash(context.getBean(Inventory.class));

            awaitNewIncarnations(context, before, "inventory", "shipping");
            assertThat(pids(context, List.of("audit", "pricing", "checkout")))
                    .containsAllEntriesOf(Map.of("audit", before.get("audit"), "pricing", before.get("pricing"),
                            "checkout", before.get("checkout")));
            assertThat(child(context, ProcessTree.ROOT, "pricing").restarts()).isZero();
        });
    }

    @Test
    void aCrashedLeafRestartsAlone() {
        contexts.withUserConfiguration(Shop.class).run(context -> {
            Map<String, Pid> before = pids(context, SHOP_START_ORDER);

            crash(context.getBean(Shipping.class));

            awaitNewIncarnations(context, before, "shipping");
            assertThat(pids(context, List.of("audit", "pricing", "checkout", "inventory")))
                    .containsAllEntriesOf(Map.of("audit", before.get("audit"), "pricing", before.get("pricing"),
                            "checkout", before.get("checkout"), "inventory", before.get("inventory")));
        });
    }

    @Test
    void exceedingTheRestartIntensityMakesTheRootGiveUp() {
        contexts.withUserConfiguration(Shop.class)
                .withPropertyValues("otp.restart.intensity=1", "otp.restart.period=1m")
                .run(context -> {
                    ProcessTree tree = context.getBean(ProcessTree.class);
                    Node node = context.getBean(Node.class);
                    Pid root = tree.root();
                    Pricing pricing = context.getBean(Pricing.class);
                    Map<String, Pid> before = pids(context, SHOP_START_ORDER);

                    crash(pricing);
                    awaitNewIncarnations(context, before, "pricing");
                    assertThat(tree.isRunning()).as("one restart is within the intensity").isTrue();
                    crash(pricing);

                    await().atMost(WAIT).until(() -> !tree.isRunning());
                    assertThat(node.exitReason(root)).hasToString("{shutdown, reached_max_restart_intensity}");
                    assertThat(SHOP_START_ORDER).allSatisfy(name -> assertThat(node.whereis(name)).isNull());
                    assertThatThrownBy(() -> context.getBean(Audit.class).bump()).isInstanceOf(ExitException.class);
                });
    }

    /** Calls the process it depends on while it starts. */
    @GenServer
    static class Quoter {

        private final Lifecycle lifecycle;
        private final Pricing pricing;

        Quoter(Lifecycle lifecycle, Pricing pricing) {
            this.lifecycle = lifecycle;
            this.pricing = pricing;
        }

        @Init
        void started() {
            lifecycle.events.add("quoter saw pricing at " + pricing.bump());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WithQuoter {

        @Bean
        Lifecycle lifecycle() {
            return new Lifecycle();
        }

        @Bean
        Quoter quoter(Lifecycle lifecycle, Pricing pricing) {
            return new Quoter(lifecycle, pricing);
        }

        @Bean
        Pricing pricing(Lifecycle lifecycle) {
            return new Pricing(lifecycle);
        }
    }

    @Test
    void aProcessMayCallWhatItDependsOnWhileItStartsAndRestarts() {
        contexts.withUserConfiguration(WithQuoter.class).run(context -> {
            Lifecycle lifecycle = context.getBean(Lifecycle.class);
            Pricing pricing = context.getBean(Pricing.class);
            assertThat(lifecycle.events).containsExactly("start pricing", "quoter saw pricing at 1");
            assertThat(pricing.bump()).isEqualTo(2);
            Map<String, Pid> before = pids(context, List.of("pricing", "quoter"));

            crash(pricing);

            awaitNewIncarnations(context, before, "pricing", "quoter");
            assertThat(lifecycle.events).endsWith("start pricing", "quoter saw pricing at 1");
        });
    }

    // ------------------------------------------------------------------ @Supervisor and @Supervised

    @io.otpspring.spring.annotation.Supervisor
    static class Backoffice {
    }

    @GenServer
    @Supervised(parent = Backoffice.class)
    static class Ledger extends Recorded {
        Ledger(Lifecycle lifecycle) {
            super(lifecycle);
        }
    }

    @GenServer
    @Supervised(parent = Backoffice.class)
    static class Reports extends Recorded {
        Reports(Lifecycle lifecycle, Ledger ledger, Pricing pricing) {
            super(lifecycle);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WithBackoffice {

        @Bean
        Lifecycle lifecycle() {
            return new Lifecycle();
        }

        @Bean
        Reports reports(Lifecycle lifecycle, Ledger ledger, Pricing pricing) {
            return new Reports(lifecycle, ledger, pricing);
        }

        @Bean
        Backoffice backoffice() {
            return new Backoffice();
        }

        @Bean
        Ledger ledger(Lifecycle lifecycle) {
            return new Ledger(lifecycle);
        }

        @Bean
        Pricing pricing(Lifecycle lifecycle) {
            return new Pricing(lifecycle);
        }
    }

    @Test
    void aSupervisorBeanHoldsTheProcessesPlacedUnderIt() {
        contexts.withUserConfiguration(WithBackoffice.class).run(context -> {
            Node node = context.getBean(Node.class);

            assertThat(children(context, ProcessTree.ROOT)).extracting(ChildInfo::id, ChildInfo::type)
                    .containsExactly(tuple("pricing", ChildType.WORKER),
                            tuple("backoffice", ChildType.SUPERVISOR));
            assertThat(child(context, ProcessTree.ROOT, "backoffice").pid()).isEqualTo(node.whereis("backoffice"));
            assertThat(children(context, "backoffice")).extracting(ChildInfo::id).containsExactly("ledger", "reports");
            assertThat(child(context, "backoffice", "reports").pid()).isEqualTo(node.whereis("reports"));
        });
    }

    @Test
    void aCrashUnderANestedSupervisorStaysThere() {
        contexts.withUserConfiguration(WithBackoffice.class).run(context -> {
            Map<String, Pid> before = pids(context, List.of("pricing", "backoffice", "ledger", "reports"));

            crash(context.getBean(Ledger.class));

            awaitNewIncarnations(context, before, "ledger", "reports");
            assertThat(pids(context, List.of("pricing", "backoffice"))).containsAllEntriesOf(
                    Map.of("pricing", before.get("pricing"), "backoffice", before.get("backoffice")));
        });
    }

    @Test
    void aCrashedDependencyOutsideTheSupervisorRestartsTheWholeSupervisor() {
        contexts.withUserConfiguration(WithBackoffice.class).run(context -> {
            Map<String, Pid> before = pids(context, List.of("pricing", "backoffice", "ledger", "reports"));

            crash(context.getBean(Pricing.class));

            awaitNewIncarnations(context, before, "pricing", "backoffice", "ledger", "reports");
        });
    }

    @io.otpspring.spring.annotation.Supervisor(strategy = Strategy.ONE_FOR_ALL, intensity = 0)
    static class Strict {
    }

    @GenServer
    @Supervised(parent = Strict.class)
    static class First extends Recorded {
        First(Lifecycle lifecycle) {
            super(lifecycle);
        }
    }

    @GenServer
    @Supervised(parent = Strict.class)
    static class Second extends Recorded {
        Second(Lifecycle lifecycle) {
            super(lifecycle);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WithStrict {

        @Bean
        Lifecycle lifecycle() {
            return new Lifecycle();
        }

        @Bean
        Strict strict() {
            return new Strict();
        }

        @Bean
        First first(Lifecycle lifecycle) {
            return new First(lifecycle);
        }

        @Bean
        Second second(Lifecycle lifecycle) {
            return new Second(lifecycle);
        }

        @Bean
        Audit audit(Lifecycle lifecycle) {
            return new Audit(lifecycle);
        }
    }

    @Test
    void aSupervisorAnnotationSetsItsStrategyAndIntensity() {
        contexts.withUserConfiguration(WithStrict.class).run(context -> {
            Map<String, Pid> before = pids(context, List.of("strict", "first", "second", "audit"));

            crash(context.getBean(First.class));

            // intensity 0: strict gives up at once, and the root restarts it with both its children
            awaitNewIncarnations(context, before, "strict", "first", "second");
            assertThat(context.getBean(Node.class).whereis("audit")).isEqualTo(before.get("audit"));
            assertThat(child(context, ProcessTree.ROOT, "strict").restarts()).isEqualTo(1);
        });
    }

    @GenServer
    @Supervised(restart = Restart.TEMPORARY)
    static class Scratch extends Recorded {
        Scratch(Lifecycle lifecycle) {
            super(lifecycle);
        }
    }

    @GenServer
    @Supervised(restart = Restart.TRANSIENT)
    static class Job extends Recorded {
        Job(Lifecycle lifecycle) {
            super(lifecycle);
        }
    }

    @GenServer
    @Supervised(shutdown = "brutal-kill")
    static class Cache extends Recorded {
        Cache(Lifecycle lifecycle) {
            super(lifecycle);
        }
    }

    @GenServer
    @Supervised(shutdown = "2s")
    static class Gentle extends Recorded {
        Gentle(Lifecycle lifecycle) {
            super(lifecycle);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WithRestartTypes {

        @Bean
        Lifecycle lifecycle() {
            return new Lifecycle();
        }

        @Bean
        Scratch scratch(Lifecycle lifecycle) {
            return new Scratch(lifecycle);
        }

        @Bean
        Job job(Lifecycle lifecycle) {
            return new Job(lifecycle);
        }

        @Bean
        Cache cache(Lifecycle lifecycle) {
            return new Cache(lifecycle);
        }

        @Bean
        Gentle gentle(Lifecycle lifecycle) {
            return new Gentle(lifecycle);
        }
    }

    @Test
    void aTemporaryProcessIsNotRestartedAndIsForgotten() {
        contexts.withUserConfiguration(WithRestartTypes.class).run(context -> {
            Node node = context.getBean(Node.class);
            assertThat(child(context, ProcessTree.ROOT, "scratch").restart()).isEqualTo(Restart.TEMPORARY);

            crash(context.getBean(Scratch.class));

            await().atMost(WAIT).untilAsserted(() -> assertThat(children(context, ProcessTree.ROOT))
                    .extracting(ChildInfo::id).containsExactly("job", "cache", "gentle"));
            assertThat(node.whereis("scratch")).isNull();
            assertThatThrownBy(() -> context.getBean(Scratch.class).bump()).isInstanceOf(ExitException.class)
                    .hasMessageContaining("noproc");
        });
    }

    @Test
    void aTransientProcessIsRestartedAfterACrashButNotAfterANormalExit() {
        contexts.withUserConfiguration(WithRestartTypes.class).run(context -> {
            Node node = context.getBean(Node.class);
            Map<String, Pid> before = pids(context, List.of("job"));

            crash(context.getBean(Job.class));
            awaitNewIncarnations(context, before, "job");

            Pid restarted = node.whereis("job");
            assertThat(node.stop(restarted, ExitReason.NORMAL, WAIT)).isTrue();
            await().atMost(WAIT).untilAsserted(() -> assertThat(child(context, ProcessTree.ROOT, "job").pid()).isNull());
            assertThat(node.whereis("job")).isNull();
            assertThat(child(context, ProcessTree.ROOT, "job").restarts()).isEqualTo(1);
        });
    }

    @Test
    void aBrutallyKilledProcessRunsNoTerminateWhenTheContextCloses() {
        Lifecycle[] lifecycle = new Lifecycle[1];
        contexts.withUserConfiguration(WithRestartTypes.class).run(context -> {
            lifecycle[0] = context.getBean(Lifecycle.class);
            assertThat(lifecycle[0].events).contains("start cache", "start gentle");
        });
        assertThat(lifecycle[0].events).contains("stop gentle", "stop job", "stop scratch").doesNotContain("stop cache");
    }
}
