package io.otpspring.spring.resilience;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.Node;
import io.otpspring.core.supervision.ChildInfo;
import io.otpspring.core.supervision.ChildStatus;
import io.otpspring.core.supervision.RestartBackoff;
import io.otpspring.core.supervision.RestartBackoff.WhileRestarting;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.spring.annotation.Backoff;
import io.otpspring.spring.annotation.GenServer;
import io.otpspring.spring.annotation.Supervised;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import io.otpspring.spring.autoconfigure.resilience.OtpResilienceAutoConfiguration;
import io.otpspring.spring.process.BackoffSettings;
import io.otpspring.spring.process.CallGuards;
import io.otpspring.spring.process.ProcessTree;
import io.otpspring.spring.process.RestartBackoffs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Restart backoff, circuit breakers and bulkheads from Resilience4j, through a real context; and without it. */
class ResilienceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OtpResilienceAutoConfiguration.class, OtpAutoConfiguration.class))
            .withUserConfiguration(Beans.class);

    /** A checked business error: an answer, not a failure. */
    public static class Declined extends Exception {
        public Declined() {
            super("card declined");
        }
    }

    /** Fails on request, and may hold calls until released. */
    @GenServer(circuitBreaker = "payments")
    public static class Gateway {

        static volatile CountDownLatch hold = new CountDownLatch(0);

        public String pay(int amount) throws InterruptedException {
            hold.await();
            return "paid " + amount;
        }

        public void crash() {
            throw new IllegalStateException("gateway down");
        }

        public void decline() throws Declined {
            throw new Declined();
        }

        /** A plain call whose answer happens to be a future: the caller has its answer once it returns. */
        public Object quote() {
            return CompletableFuture.completedFuture("a quote");
        }
    }

    /** Restarted an hour after it crashes: long enough to watch it wait. */
    @GenServer
    @Supervised(backoff = @Backoff(initial = "1h"))
    public static class Slow {

        public int answer() {
            return 42;
        }

        public void crash() {
            throw new IllegalStateException("slow crashed");
        }
    }

    @Configuration(proxyBeanMethods = false)
    public static class Beans {

        @Bean
        CircuitBreakerRegistry circuitBreakerRegistry() {
            return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom().slidingWindowSize(2).minimumNumberOfCalls(2)
                    .failureRateThreshold(50).waitDurationInOpenState(Duration.ofMillis(50))
                    .permittedNumberOfCallsInHalfOpenState(1).build());
        }

        @Bean
        BulkheadRegistry bulkheadRegistry() {
            return BulkheadRegistry.ofDefaults();
        }

        @Bean
        Gateway gateway() {
            return new Gateway();
        }

        @Bean
        Slow slow() {
            return new Slow();
        }
    }

    @Test
    void crashesOpenTheBreakerThenCallersAreRefusedAtOnceUntilItHalfOpens() {
        contexts.run(context -> {
            Gateway gateway = context.getBean(Gateway.class);
            CircuitBreaker payments = context.getBean(CircuitBreakerRegistry.class).circuitBreaker("payments");

            assertThatThrownBy(gateway::crash).isInstanceOf(ExitException.class);
            assertThatThrownBy(gateway::crash).isInstanceOf(ExitException.class);

            assertThat(payments.getState()).isEqualTo(CircuitBreaker.State.OPEN);
            assertThatThrownBy(() -> gateway.pay(5)).isInstanceOf(CallNotPermittedException.class);
            assertThat(payments.getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(1);

            // once its wait is over, a trial call goes through and, answered, closes it again
            await().atMost(WAIT).ignoreExceptionsInstanceOf(CallNotPermittedException.class)
                    .until(() -> gateway.pay(7).equals("paid 7"));
            assertThat(payments.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        });
    }

    @Test
    void aDeclaredExceptionIsAnAnswerNotAFailure() {
        contexts.run(context -> {
            Gateway gateway = context.getBean(Gateway.class);
            CircuitBreaker payments = context.getBean(CircuitBreakerRegistry.class).circuitBreaker("payments");

            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(gateway::decline).isInstanceOf(Declined.class);
            }

            assertThat(payments.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(payments.getMetrics().getNumberOfFailedCalls()).isZero();
        });
    }

    @Test
    void theBreakerStateIsThereForObservers() {
        contexts.run(context -> assertThat(context.getBean(CallGuards.class).state("gateway"))
                .isEqualTo(new CallGuards.GuardState("payments", "CLOSED", null, null)));
    }

    @Test
    void aMailboxThatRejectsStandsBehindABulkheadAsWideAsIt() {
        contexts.withPropertyValues("otp.processes.gateway.mailbox-capacity=2",
                "otp.processes.gateway.mailbox-overflow=reject").run(context -> {
            Gateway gateway = context.getBean(Gateway.class);
            Gateway.hold = new CountDownLatch(1);
            try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
                // released inside the block: the executor's close waits for the held callers
                try {
                    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> pay(gateway, 1), callers);
                    CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> pay(gateway, 2), callers);
                    await().atMost(WAIT).until(() -> context.getBean(CallGuards.class).state("gateway").availableCalls() == 0);

                    AtomicInteger rejected = new AtomicInteger();
                    context.getBean(BulkheadRegistry.class).bulkhead("gateway").getEventPublisher()
                            .onCallRejected(event -> rejected.incrementAndGet());
                    assertThatThrownBy(() -> gateway.pay(3)).isInstanceOf(BulkheadFullException.class)
                            .hasMessageContaining("gateway");
                    assertThat(rejected).as("rejections show in Resilience4j's own events").hasValue(1);

                    Gateway.hold.countDown();
                    assertThat(first).succeedsWithin(WAIT).isEqualTo("paid 1");
                    assertThat(second).succeedsWithin(WAIT).isEqualTo("paid 2");
                    assertThat(context.getBean(CallGuards.class).state("gateway").availableCalls()).isEqualTo(2);
                }
                finally {
                    Gateway.hold.countDown();
                }
            }
        });
    }

    @Test
    void aCallAnsweredWithAFutureGivesItsPermitBack() {
        contexts.withPropertyValues("otp.processes.gateway.mailbox-capacity=1",
                "otp.processes.gateway.mailbox-overflow=reject").run(context -> {
            Gateway gateway = context.getBean(Gateway.class);
            for (int i = 0; i < 3; i++) {
                assertThat(gateway.quote()).isInstanceOf(CompletableFuture.class);
            }
            assertThat(context.getBean(CallGuards.class).state("gateway").availableCalls()).isEqualTo(1);
        });
    }

    @Test
    void anEmptyCircuitBreakerPropertySwitchesTheAnnotationsOff() {
        contexts.withPropertyValues("otp.processes.gateway.circuit-breaker=").run(context -> {
            assertThatThrownBy(context.getBean(Gateway.class)::crash).isInstanceOf(ExitException.class);
            assertThat(context.getBean(CallGuards.class).state("gateway")).isNull();
            assertThat(context.getBean(CircuitBreakerRegistry.class).getAllCircuitBreakers()).isEmpty();
        });
    }

    @Test
    void aBackedOffProcessWaitsToRestartAndCallsFailMeanwhile() {
        contexts.run(context -> {
            Slow slow = context.getBean(Slow.class);
            Node node = context.getBean(Node.class);

            assertThatThrownBy(slow::crash).isInstanceOf(ExitException.class);

            await().atMost(WAIT).until(() -> child(node, "slow").status() == ChildStatus.RESTARTING);
            assertThatThrownBy(slow::answer).isInstanceOf(ExitException.class);
            assertThat(child(node, "gateway").status()).isEqualTo(ChildStatus.RUNNING);
        });
    }

    @Test
    void backoffDelaysFollowTheConfiguredExponentialFunction() {
        contexts.run(context -> {
            BackoffSettings settings = new BackoffSettings(Duration.ofMillis(100), 3.0, 0.0, Duration.ofSeconds(2),
                    Duration.ofMinutes(1), WhileRestarting.QUEUE);
            RestartBackoff backoff = context.getBean(RestartBackoffs.class).of("any", settings);

            assertThat(backoff.delays().before(1)).isEqualTo(Duration.ofMillis(100));
            assertThat(backoff.delays().before(2)).isEqualTo(Duration.ofMillis(300));
            assertThat(backoff.delays().before(3)).isEqualTo(Duration.ofMillis(900));
            assertThat(backoff.delays().before(4)).isEqualTo(Duration.ofSeconds(2));
            assertThat(backoff.resetAfter()).isEqualTo(Duration.ofMinutes(1));
            assertThat(backoff.whileRestarting()).isEqualTo(WhileRestarting.QUEUE);
        });
    }

    @Test
    void jitterStaysWithinItsShareOfEachDelay() {
        contexts.run(context -> {
            RestartBackoff backoff = context.getBean(RestartBackoffs.class).of("any", new BackoffSettings(
                    Duration.ofSeconds(1), 2.0, 0.5, Duration.ofMinutes(1), Duration.ofMinutes(1), WhileRestarting.FAIL_CALLS));
            for (int i = 0; i < 200; i++) {
                assertThat(backoff.delays().before(2)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
            }
        });
    }

    @Test
    void propertiesOverrideTheAnnotationAndBadSettingsNameTheBean() {
        contexts.withPropertyValues("otp.processes.slow.restart-backoff.initial-interval=10ms",
                "otp.processes.slow.restart-backoff.randomization-factor=1.5").run(context ->
                        assertThat(context).hasFailed().getFailure().hasStackTraceContaining("bean 'slow'")
                                .hasStackTraceContaining("invalid restart backoff"));
    }

    @Test
    void withoutResilience4jProcessesRunAndAConfiguredBackoffSaysWhatToAdd() {
        FilteredClassLoader noResilience4j = new FilteredClassLoader(IntervalFunction.class,
                CircuitBreakerRegistry.class, BulkheadRegistry.class);
        new ApplicationContextRunner().withClassLoader(noResilience4j)
                .withConfiguration(AutoConfigurations.of(OtpResilienceAutoConfiguration.class, OtpAutoConfiguration.class))
                .withBean(Plain.class).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(RestartBackoffs.class)
                            .doesNotHaveBean(CallGuards.class);
                    assertThat(context.getBean(Plain.class).hello()).isEqualTo("hello");
                });
        contexts.withClassLoader(noResilience4j).run(context -> assertThat(context).hasFailed().getFailure()
                .hasStackTraceContaining("Resilience4j"));
    }

    /** A process bean with nothing to do with Resilience4j. */
    @GenServer
    public static class Plain {
        public String hello() {
            return "hello";
        }
    }

    private static String pay(Gateway gateway, int amount) {
        try {
            return gateway.pay(amount);
        }
        catch (InterruptedException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static ChildInfo child(Node node, String id) {
        return Supervisor.report(node.whereis(ProcessTree.ROOT), 10, WAIT).children().stream()
                .filter(child -> child.id().equals(id)).findFirst().orElseThrow();
    }
}
