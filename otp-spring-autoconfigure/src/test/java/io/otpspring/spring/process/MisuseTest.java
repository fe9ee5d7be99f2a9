package io.otpspring.spring.process;

import java.io.IOException;

import io.otpspring.core.process.Node;
import io.otpspring.spring.annotation.Cast;
import io.otpspring.spring.annotation.GenServer;
import io.otpspring.spring.annotation.Info;
import io.otpspring.spring.annotation.Init;
import io.otpspring.spring.annotation.Supervised;
import io.otpspring.spring.annotation.Supervisor;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Process beans the application cannot run as declared: the context fails to start, and the root
 * cause names the beans and the fix. Nothing is left running on the node.
 */
class MisuseTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class));

    private void assertFailsWith(Class<?> configuration, String... fragments) {
        contexts.withUserConfiguration(configuration).run(context -> {
            assertThat(context).hasFailed();
            Throwable rootCause = NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
            assertThat(rootCause).isInstanceOf(ProcessDefinitionException.class);
            assertThat(rootCause.getMessage()).contains(fragments);
        });
    }

    // ------------------------------------------------------------------ a dependency cycle

    @GenServer
    static class Orders {
        Orders(Payments payments) {
        }
    }

    @GenServer
    static class Payments {
        Payments(Orders orders) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Cycle {
        @Bean
        Orders orders(Payments payments) {
            return new Orders(payments);
        }

        @Bean
        Payments payments(Orders orders) {
            return new Payments(orders);
        }
    }

    @Test
    void aDependencyCycleAmongProcessBeans() {
        assertFailsWith(Cycle.class, "orders -> payments -> orders", "ObjectProvider");
    }

    // ------------------------------------------------------------------ classes the proxy cannot extend

    @GenServer
    static final class Sealed {
    }

    @Configuration(proxyBeanMethods = false)
    static class FinalClass {
        @Bean
        Sealed sealed() {
            return new Sealed();
        }
    }

    @Test
    void aFinalClass() {
        assertFailsWith(FinalClass.class, "'sealed'", "is final", "remove 'final'");
    }

    @GenServer
    record Point(int x) {
    }

    @Configuration(proxyBeanMethods = false)
    static class RecordClass {
        @Bean
        Point point() {
            return new Point(1);
        }
    }

    @Test
    void aRecord() {
        assertFailsWith(RecordClass.class, "'point'", "is a record", "make it a plain class");
    }

    // ------------------------------------------------------------------ handlers the proxy cannot serve

    @GenServer
    static class CastWithResult {
        @Cast
        public int add(int amount) {
            return amount;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CastReturningAValue {
        @Bean
        CastWithResult counter() {
            return new CastWithResult();
        }
    }

    @Test
    void aCastReturningAValue() {
        assertFailsWith(CastReturningAValue.class, "CastWithResult.add(int)", "'counter'", "returns int",
                "return void, or drop @Cast");
    }

    @GenServer
    static class CastThrowingChecked {
        @Cast
        public void save() throws IOException {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CastDeclaringACheckedException {
        @Bean
        CastThrowingChecked store() {
            return new CastThrowingChecked();
        }
    }

    @Test
    void aCastDeclaringACheckedException() {
        assertFailsWith(CastDeclaringACheckedException.class, "CastThrowingChecked.save()", "'store'", "IOException",
                "handle it, or make it a call");
    }

    @GenServer
    static class InfoWithTwoParameters {
        @Info
        void on(String message, int times) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class InfoTakingTwoParameters {
        @Bean
        InfoWithTwoParameters listener() {
            return new InfoWithTwoParameters();
        }
    }

    @Test
    void anInfoHandlerWithTwoParameters() {
        assertFailsWith(InfoTakingTwoParameters.class, "InfoWithTwoParameters.on(String, int)", "'listener'",
                "exactly one parameter");
    }

    @GenServer
    static class WithFinalMethod {
        public final int total() {
            return 0;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PublicFinalMethod {
        @Bean
        WithFinalMethod totals() {
            return new WithFinalMethod();
        }
    }

    @Test
    void aPublicFinalMethod() {
        assertFailsWith(PublicFinalMethod.class, "WithFinalMethod.total()", "'totals'", "remove 'final'");
    }

    @GenServer
    static class InitWithAString {
        @Init
        void start(String what) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class InitTakingAString {
        @Bean
        InitWithAString starter() {
            return new InitWithAString();
        }
    }

    @Test
    void anInitMethodWithAParameterItCannotGet() {
        assertFailsWith(InitTakingAString.class, "InitWithAString.start(String)", "'starter'", "ProcessContext");
    }

    // ------------------------------------------------------------------ placement

    static class Plain {
    }

    @GenServer
    @Supervised(parent = Plain.class)
    static class Misplaced {
    }

    @Configuration(proxyBeanMethods = false)
    static class ParentNotASupervisor {
        @Bean
        Plain plain() {
            return new Plain();
        }

        @Bean
        Misplaced misplaced() {
            return new Misplaced();
        }
    }

    @Test
    void aParentThatIsNoSupervisor() {
        assertFailsWith(ParentNotASupervisor.class, "'misplaced'", "parent = Plain.class", "annotate Plain with @Supervisor");
    }

    @GenServer
    @Supervised(shutdown = "soon")
    static class Vague {
    }

    @Configuration(proxyBeanMethods = false)
    static class ShutdownNotADuration {
        @Bean
        Vague vague() {
            return new Vague();
        }
    }

    @Test
    void aShutdownThatIsNoDuration() {
        assertFailsWith(ShutdownNotADuration.class, "'vague'", "\"soon\"", "brutal-kill");
    }

    @GenServer
    static class Scoped {
    }

    @Configuration(proxyBeanMethods = false)
    static class ThreadScopedProcess {
        @Bean
        static org.springframework.beans.factory.config.CustomScopeConfigurer threadScope() {
            org.springframework.beans.factory.config.CustomScopeConfigurer scopes =
                    new org.springframework.beans.factory.config.CustomScopeConfigurer();
            scopes.addScope("thread", new org.springframework.context.support.SimpleThreadScope());
            return scopes;
        }

        @Bean
        @Scope("thread")
        Scoped scoped() {
            return new Scoped();
        }
    }

    @Test
    void aProcessBeanWithAScopeOtherThanSingletonOrPrototype() {
        assertFailsWith(ThreadScopedProcess.class, "'scoped'", "'thread'", "change the scope");
    }

    // ------------------------------------------------------------------ conflicting annotations

    @GenServer
    static class TwoRoles {
        @Cast
        @Info
        public void on(String message) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CastAndInfo {
        @Bean
        TwoRoles twoRoles() {
            return new TwoRoles();
        }
    }

    @Test
    void castAndInfoOnOneMethod() {
        assertFailsWith(CastAndInfo.class, "TwoRoles.on(String)", "'twoRoles'", "@Cast and @Info", "keep one");
    }

    @GenServer
    @Supervisor
    static class Both {
    }

    @Configuration(proxyBeanMethods = false)
    static class GenServerAndSupervisor {
        @Bean
        Both both() {
            return new Both();
        }
    }

    @Test
    void genServerAndSupervisorOnOneClass() {
        assertFailsWith(GenServerAndSupervisor.class, "'both'", "both @GenServer and @Supervisor", "split it");
    }

    // ------------------------------------------------------------------ a failed start leaves nothing running

    @GenServer
    static class Healthy {
    }

    @GenServer
    static class Broken {
        @Init
        void start() {
            throw new IllegalStateException("broken on purpose");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HealthyThenBroken {
        @Bean
        Healthy healthy() {
            return new Healthy();
        }

        @Bean
        Broken broken() {
            return new Broken();
        }
    }

    @Test
    void anInitThatThrowsFailsTheContextNamingTheProcessAndStopsWhatStarted() {
        // a node the context does not close, to look at once the context has failed
        try (Node node = Node.start("misuse")) {
            contexts.withUserConfiguration(HealthyThenBroken.class)
                    .withBean(Node.class, () -> node, definition -> definition.setDestroyMethodName(""))
                    .run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(context).getFailure().hasRootCauseMessage("broken on purpose")
                                .hasStackTraceContaining("failed to start child 'broken'");
                    });
            assertThat(node.whereis("healthy")).isNull();
            assertThat(node.whereis(ProcessTree.ROOT)).isNull();
            assertThat(node.processCount()).isZero();
        }
    }
}
