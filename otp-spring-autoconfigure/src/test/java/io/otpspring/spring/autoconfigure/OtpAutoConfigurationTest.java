package io.otpspring.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.otpspring.core.genserver.CallTimeoutException;
import io.otpspring.core.mailbox.MailboxFullException;
import io.otpspring.core.mailbox.MailboxSpec;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.MailboxOnRestart;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.registry.Registry;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.spring.annotation.Cast;
import io.otpspring.spring.annotation.GenServer;
import io.otpspring.spring.process.ProcessBeanRegistrar;
import io.otpspring.spring.process.ProcessSettings;
import io.otpspring.spring.process.ProcessTree;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.json.BasicJsonParser;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@link OtpAutoConfiguration}: the beans it contributes, {@code otp.enabled=false}, user beans that
 * replace its own, the {@code otp.*} properties taking effect on process beans, and the generated
 * configuration metadata.
 */
class OtpAutoConfigurationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class));

    /** Latches by process name, shared by all incarnations: a process can be held inside a handler. */
    static class Gates {

        private final Map<String, CountDownLatch> entered = new ConcurrentHashMap<>();
        private final Map<String, CountDownLatch> released = new ConcurrentHashMap<>();

        private CountDownLatch entered(String name) {
            return entered.computeIfAbsent(name, key -> new CountDownLatch(1));
        }

        private CountDownLatch released(String name) {
            return released.computeIfAbsent(name, key -> new CountDownLatch(1));
        }

        void pass(String name) {
            entered(name).countDown();
            try {
                released(name).await(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }

        void awaitEntered(String name) throws InterruptedException {
            assertThat(entered(name).await(10, TimeUnit.SECONDS)).as("%s entered its gate", name).isTrue();
        }

        void release(String name) {
            released(name).countDown();
        }
    }

    /** A process that can be held in a handler (as a call or a cast) and counts what it receives. */
    @GenServer
    static class Holder {

        private final String name;
        private final Gates gates;
        private int count;

        Holder(String name, Gates gates) {
            this.name = name;
            this.gates = gates;
        }

        /** Holds the process until released, then answers. */
        public String slow() {
            gates.pass(name);
            return name + " answered";
        }

        /** Holds the process until released. */
        @Cast
        public void hold() {
            gates.pass(name);
        }

        @Cast
        public void add() {
            count++;
        }

        public int count() {
            return count;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Holders {

        @Bean
        Gates gates() {
            return new Gates();
        }

        @Bean
        Holder impatient(Gates gates) {
            return new Holder("impatient", gates);
        }

        @Bean
        Holder patient(Gates gates) {
            return new Holder("patient", gates);
        }
    }

    // ------------------------------------------------------------------ conditions

    @Test
    void contributesTheNodeTheSettingsAndARunningTree() {
        contexts.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Node.class).hasSingleBean(ProcessSettings.class)
                    .hasSingleBean(ProcessTree.class).hasSingleBean(OtpProperties.class)
                    .hasSingleBean(ProcessBeanRegistrar.class);
            ProcessTree tree = context.getBean(ProcessTree.class);
            Node node = context.getBean(Node.class);
            assertThat(tree.isRunning()).isTrue();
            assertThat(node.whereis(ProcessTree.ROOT)).isEqualTo(tree.root());
            assertThat(Supervisor.whichChildren(node.named(ProcessTree.ROOT))).isEmpty();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserRegistries {
        @Bean
        Registry<String, Object> otpRegistry(Node node) {
            return Registry.unique(node, "mine");
        }

        @Bean
        Registry<String, Object> tenants(Node node) {
            return Registry.unique(node, "tenants");
        }
    }

    @Test
    void contributesTheDefaultRegistryNamespaceAndBacksOffForAUserOne() {
        contexts.run(context -> assertThat(context.getBean("otpRegistry", Registry.class).namespace())
                .isEqualTo(Registry.DEFAULT_NAMESPACE));
        contexts.withUserConfiguration(UserRegistries.class).run(context -> {
                    assertThat(context.getBean("otpRegistry", Registry.class).namespace()).isEqualTo("mine");
                    assertThat(context.getBean("tenants", Registry.class).namespace()).isEqualTo("tenants");
                });
    }

    @Test
    void aGenServerBeanOfAPackagePrivateClassOutsideTheLibrarysPackagesServesCallsAndCasts() {
        contexts.withUserConfiguration(Holders.class).run(context -> {
            Holder impatient = context.getBean("impatient", Holder.class);
            assertThat(AopUtils.isCglibProxy(impatient)).isTrue();
            assertThat(context.getBean(Node.class).whereis("impatient")).isNotNull();

            impatient.add();
            assertThat(impatient.count()).isEqualTo(1);
        });
    }

    @Test
    void disabledItContributesNothingAndGenServerBeansStayPlainBeans() {
        contexts.withUserConfiguration(Holders.class).withPropertyValues("otp.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(Node.class).doesNotHaveBean(ProcessTree.class)
                    .doesNotHaveBean(ProcessSettings.class).doesNotHaveBean(ProcessBeanRegistrar.class);
            Holder impatient = context.getBean("impatient", Holder.class);
            assertThat(impatient.getClass()).isEqualTo(Holder.class);
            impatient.add();
            assertThat(impatient.count()).isEqualTo(1);
        });
    }

    @Test
    void theTreeStopsWithTheContext() {
        Node[] node = new Node[1];
        Pid[] root = new Pid[1];
        contexts.withUserConfiguration(Holders.class).run(context -> {
            node[0] = context.getBean(Node.class);
            root[0] = context.getBean(ProcessTree.class).root();
        });
        assertThat(root[0].isAlive()).isFalse();
        assertThat(node[0].processCount()).isZero();
    }

    // ------------------------------------------------------------------ user beans win

    @Test
    void aUserNodeReplacesTheDefaultOneAndRunsTheProcesses() {
        Node mine = Node.start("mine");
        contexts.withUserConfiguration(Holders.class).withBean("myNode", Node.class, () -> mine).run(context -> {
            assertThat(context).hasSingleBean(Node.class);
            assertThat(context.getBean(Node.class)).isSameAs(mine);
            assertThat(mine.whereis("impatient")).isNotNull();
            assertThat(context.getBean("impatient", Holder.class).count()).isZero();
        });
    }

    /** Settings of the application's own, which remember what they were asked. */
    static class RecordingSettings implements ProcessSettings {

        final List<String> asked = new CopyOnWriteArrayList<>();

        @Override
        public Duration callTimeout(String name) {
            asked.add("callTimeout " + name);
            return Duration.ofMillis(50);
        }

        @Override
        public MailboxSpec mailbox(String name) {
            asked.add("mailbox " + name);
            return MailboxSpec.unbounded();
        }

        @Override
        public MailboxOnRestart mailboxOnRestart(String name) {
            return MailboxOnRestart.KEEP;
        }

        @Override
        public int intensity() {
            return 3;
        }

        @Override
        public Duration period() {
            return Duration.ofSeconds(5);
        }
    }

    @Test
    void userSettingsReplaceTheProperties() {
        contexts.withUserConfiguration(Holders.class)
                .withBean(RecordingSettings.class, RecordingSettings::new)
                .withPropertyValues("otp.call-timeout=1m")
                .run(context -> {
                    assertThat(context).hasSingleBean(ProcessSettings.class);
                    RecordingSettings settings = context.getBean(RecordingSettings.class);
                    Holder impatient = context.getBean("impatient", Holder.class);
                    assertThat(settings.asked).contains("callTimeout impatient", "mailbox impatient");
                    try {
                        assertThatExceptionOfType(CallTimeoutException.class).isThrownBy(impatient::slow);
                    }
                    finally {
                        context.getBean(Gates.class).release("impatient");
                    }
                });
    }

    @Test
    void aUserTreeReplacesTheDefaultOne() {
        contexts.withUserConfiguration(Holders.class, UserTree.class).run(context -> {
            assertThat(context).hasSingleBean(ProcessTree.class).hasBean("myTree").doesNotHaveBean("otpProcessTree");
            assertThat(context.getBean(ProcessTree.class).isRunning()).isTrue();
            assertThat(context.getBean(Node.class).whereis("patient")).isNotNull();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserTree {
        @Bean
        ProcessTree myTree(Node node, ProcessSettings settings, ConfigurableListableBeanFactory beanFactory) {
            return new ProcessTree(node, settings, beanFactory);
        }
    }

    // ------------------------------------------------------------------ properties

    @Test
    void theCallTimeoutAndAPerProcessOverrideApplyToTheirProcessesOnly() {
        contexts.withUserConfiguration(Holders.class)
                .withPropertyValues("otp.call-timeout=100ms", "otp.processes.patient.call-timeout=1m")
                .run(context -> {
                    Gates gates = context.getBean(Gates.class);
                    Holder patient = context.getBean("patient", Holder.class);
                    Holder impatient = context.getBean("impatient", Holder.class);
                    try {
                        CompletableFuture<String> patientAnswer = CompletableFuture.supplyAsync(patient::slow);
                        gates.awaitEntered("patient");

                        // the patient call started first, so it has waited at least as long when this one times out
                        assertThatExceptionOfType(CallTimeoutException.class).isThrownBy(impatient::slow);
                        assertThat(patientAnswer).isNotDone();

                        gates.release("patient");
                        assertThat(patientAnswer.get(10, TimeUnit.SECONDS)).isEqualTo("patient answered");
                    }
                    finally {
                        gates.release("patient");
                        gates.release("impatient");
                    }
                });
    }

    @Test
    void aPerProcessMailboxCapacityBoundsThatMailboxOnly() {
        contexts.withUserConfiguration(Holders.class)
                .withPropertyValues("otp.processes.impatient.mailbox-capacity=2")
                .run(context -> {
                    Gates gates = context.getBean(Gates.class);
                    Holder bounded = context.getBean("impatient", Holder.class);
                    Holder unbounded = context.getBean("patient", Holder.class);
                    try {
                        bounded.hold();
                        unbounded.hold();
                        gates.awaitEntered("impatient");
                        gates.awaitEntered("patient");

                        bounded.add();
                        bounded.add();
                        assertThatThrownBy(bounded::add).isInstanceOf(MailboxFullException.class)
                                .hasMessageContaining("capacity 2");
                        for (int i = 0; i < 10; i++) {
                            unbounded.add();
                        }
                    }
                    finally {
                        gates.release("impatient");
                        gates.release("patient");
                    }
                    // a call, too, finds the mailbox full until the process has caught up
                    await().atMost(WAIT).ignoreException(MailboxFullException.class)
                            .untilAsserted(() -> assertThat(bounded.count()).isEqualTo(2));
                    assertThat(unbounded.count()).isEqualTo(10);
                });
    }

    @Test
    void theDefaultMailboxCapacityAppliesToAllAndAPerProcessOverflowPolicyToOne() {
        contexts.withUserConfiguration(Holders.class)
                .withPropertyValues("otp.mailbox.capacity=2", "otp.processes.patient.mailbox-overflow=drop-newest")
                .run(context -> {
                    Gates gates = context.getBean(Gates.class);
                    Holder rejecting = context.getBean("impatient", Holder.class);
                    Holder dropping = context.getBean("patient", Holder.class);
                    try {
                        rejecting.hold();
                        dropping.hold();
                        gates.awaitEntered("impatient");
                        gates.awaitEntered("patient");

                        rejecting.add();
                        rejecting.add();
                        assertThatThrownBy(rejecting::add).isInstanceOf(MailboxFullException.class);
                        for (int i = 0; i < 5; i++) {
                            dropping.add();
                        }
                    }
                    finally {
                        gates.release("impatient");
                        gates.release("patient");
                    }
                    await().atMost(WAIT).ignoreException(MailboxFullException.class)
                            .untilAsserted(() -> assertThat(rejecting.count()).isEqualTo(2));
                    // a call to a full drop-newest mailbox is dropped and fails: wait until it has room
                    await().atMost(WAIT).ignoreException(MailboxFullException.class)
                            .untilAsserted(() -> assertThat(dropping.count()).as("the newest were dropped").isEqualTo(2));
                });
    }

    @Test
    void mailboxOnRestartKeepsOrDropsWhatWasQueuedForTheDeadIncarnation() {
        contexts.withUserConfiguration(Holders.class)
                .withPropertyValues("otp.mailbox-on-restart=drop", "otp.processes.patient.mailbox-on-restart=keep")
                .run(context -> {
                    Gates gates = context.getBean(Gates.class);
                    Node node = context.getBean(Node.class);
                    Holder dropping = context.getBean("impatient", Holder.class);
                    Holder keeping = context.getBean("patient", Holder.class);
                    Pid droppingBefore = node.whereis("impatient");
                    Pid keepingBefore = node.whereis("patient");
                    try {
                        dropping.hold();
                        keeping.hold();
                        gates.awaitEntered("impatient");
                        gates.awaitEntered("patient");
                        for (int i = 0; i < 3; i++) {
                            dropping.add();
                            keeping.add();
                        }

                        node.exit(droppingBefore, ExitReason.KILL);
                        node.exit(keepingBefore, ExitReason.KILL);
                    }
                    finally {
                        gates.release("impatient");
                        gates.release("patient");
                    }
                    await().atMost(WAIT).untilAsserted(() -> {
                        assertThat(node.whereis("impatient")).isNotNull().isNotEqualTo(droppingBefore);
                        assertThat(node.whereis("patient")).isNotNull().isNotEqualTo(keepingBefore);
                    });
                    assertThat(dropping.count()).isZero();
                    assertThat(keeping.count()).isEqualTo(3);
                });
    }

    @Test
    void perProcessOverridesFindTheirBeanFromEnvironmentVariablesAndKebabCase() {
        contexts.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("OTP_PROCESSES_PRICEBOOK_CALLTIMEOUT", "100ms"))))
                .withPropertyValues("otp.processes.order-book.call-timeout=200ms")
                .run(context -> {
                    ProcessSettings settings = context.getBean(ProcessSettings.class);
                    assertThat(settings.callTimeout("priceBook")).isEqualTo(Duration.ofMillis(100));
                    assertThat(settings.callTimeout("orderBook")).isEqualTo(Duration.ofMillis(200));
                    assertThat(settings.callTimeout("ledger")).isEqualTo(Duration.ofSeconds(5));
                });
    }

    @Test
    void theNodeIsNamedByOtpNodeName() {
        contexts.withPropertyValues("otp.node-name=alpha", "spring.application.name=shop")
                .run(context -> assertThat(context.getBean(Node.class).name()).isEqualTo("alpha"));
    }

    @Test
    void theNodeNameFallsBackToTheApplicationName() {
        contexts.withPropertyValues("spring.application.name=shop")
                .run(context -> assertThat(context.getBean(Node.class).name()).isEqualTo("shop"));
    }

    @Test
    void theNodeNameFallsBackToOtp() {
        contexts.run(context -> assertThat(context.getBean(Node.class).name()).isEqualTo("otp"));
    }

    // ------------------------------------------------------------------ configuration metadata

    @Test
    @SuppressWarnings("unchecked")
    void theConfigurationMetadataDescribesEveryOtpProperty() throws IOException {
        Map<String, Object> metadata = otpMetadata();
        List<Map<String, Object>> properties = (List<Map<String, Object>>) metadata.get("properties");

        assertThat(properties).extracting(property -> property.get("name")).contains("otp.enabled", "otp.node-name",
                "otp.call-timeout", "otp.mailbox-on-restart", "otp.restart.intensity", "otp.restart.period",
                "otp.mailbox.capacity", "otp.mailbox.overflow", "otp.processes");
        assertThat(properties).allSatisfy(property -> {
            String name = (String) property.get("name");
            assertThat(name).startsWith("otp.");
            assertThat((String) property.get("description")).as("description of %s", name).isNotBlank()
                    .doesNotStartWith("The ").doesNotStartWith("A ").endsWith(".");
            if ("java.lang.Boolean".equals(property.get("type"))) {
                assertThat((String) property.get("description")).as("description of %s", name).startsWith("Whether");
            }
        });
        assertThat(properties).filteredOn(property -> property.get("name").equals("otp.call-timeout"))
                .singleElement().satisfies(property -> {
                    assertThat(property.get("type")).isEqualTo("java.time.Duration");
                    assertThat(property.get("defaultValue")).isEqualTo("5s");
                });
    }

    /** The metadata file of this module, among those of every jar on the class path. */
    private static Map<String, Object> otpMetadata() throws IOException {
        List<URL> files = Collections.list(OtpAutoConfigurationTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"));
        List<Map<String, Object>> ours = new ArrayList<>();
        for (URL file : files) {
            try (InputStream in = file.openStream()) {
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (json.contains("\"io.otpspring.spring.autoconfigure.OtpProperties\"")) {
                    ours.add(new BasicJsonParser().parseMap(compact(json)));
                }
            }
        }
        assertThat(ours).as("metadata files of otp-spring on the class path").hasSize(1);
        return ours.get(0);
    }

    /** {@code json} without the whitespace between tokens, which {@link BasicJsonParser} does not skip inside lists. */
    private static String compact(String json) {
        StringBuilder compact = new StringBuilder(json.length());
        boolean inString = false;
        boolean escaped = false;
        for (char c : json.toCharArray()) {
            if (inString || !Character.isWhitespace(c)) {
                compact.append(c);
            }
            if (escaped) {
                escaped = false;
            }
            else if (c == '\\') {
                escaped = inString;
            }
            else if (c == '"') {
                inString = !inString;
            }
        }
        return compact.toString();
    }
}
