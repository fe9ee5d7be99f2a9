package io.otpspring.spring.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.telemetry.Telemetry;
import io.otpspring.spring.annotation.GenServer;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import io.otpspring.spring.autoconfigure.metrics.OtpMetricsAutoConfiguration;
import io.otpspring.spring.process.ProcessTree;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The meters a process tree publishes, through a real context with Boot's metrics and observation setup. */
class ProcessMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                    ObservationAutoConfiguration.class, OtpAutoConfiguration.class, OtpMetricsAutoConfiguration.class))
            .withUserConfiguration(Beans.class);

    /** Public: the proxy class made under a {@code FilteredClassLoader} must see it. */
    @GenServer
    public static class Flaky {

        public String echo(String text) {
            return text;
        }

        public void crash() {
            throw new IllegalStateException("crash on purpose");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        Flaky flaky() {
            return new Flaky();
        }
    }

    @Test
    void handledMessagesAreTimedByProcessKindAndOutcome() {
        contexts.run(context -> {
            Flaky flaky = context.getBean(Flaky.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);

            assertThat(flaky.echo("hi")).isEqualTo("hi");
            assertThatThrownBy(flaky::crash).isInstanceOf(ExitException.class);

            assertThat(meters.get("otp.process.messages").tags("process", "flaky", "kind", "call", "outcome", "success")
                    .timer().count()).isEqualTo(1);
            assertThat(meters.get("otp.process.messages").tags("process", "flaky", "kind", "call", "outcome", "crash")
                    .timer().count()).isEqualTo(1);
        });
    }

    @Test
    void crashesAndRestartsAreCountedWithBoundedTags() {
        contexts.run(context -> {
            Flaky flaky = context.getBean(Flaky.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);

            assertThatThrownBy(flaky::crash).isInstanceOf(ExitException.class);
            assertThatThrownBy(flaky::crash).isInstanceOf(ExitException.class);

            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(meters.get("otp.process.crashes").tags("process", "flaky", "exception",
                        "IllegalStateException").counter().count()).isEqualTo(2);
                assertThat(meters.get("otp.supervisor.restarts").tags("supervisor", ProcessTree.ROOT, "child", "flaky")
                        .counter().count()).isEqualTo(2);
            });
        });
    }

    @Test
    void gaugesShowLiveProcessesMailboxesAndDeadLetters() {
        contexts.run(context -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            Node node = context.getBean(Node.class);

            assertThat(meters.get("otp.processes").gauge().value()).isEqualTo(node.processCount()).isGreaterThan(1);
            assertThat(meters.get("otp.process.mailbox.size").tag("process", "flaky").gauge().value()).isZero();
            assertThat(meters.get("otp.process.mailbox.size").tag("process", ProcessTree.ROOT).gauge().value()).isZero();

            Pid gone = node.spawn(message -> { });
            node.stop(gone, ExitReason.NORMAL, WAIT);
            gone.send("too late");
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(meters.get("otp.dead.letters").functionCounter().count()).isPositive());
        });
    }

    @Test
    void theTelemetryIsInstalledOnTheNode() {
        contexts.run(context -> assertThat(context.getBean(Node.class).telemetry())
                .isSameAs(context.getBean(Telemetry.class)));
    }

    @Test
    void withoutMicrometerNothingIsConfiguredAndProcessesStillRun() {
        contexts.withClassLoader(new FilteredClassLoader(MeterBinder.class)).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(ProcessMeters.class).doesNotHaveBean(Telemetry.class);
            assertThat(context.getBean(Node.class).telemetry()).isSameAs(Telemetry.NONE);
            assertThat(context.getBean(Flaky.class).echo("still")).isEqualTo("still");
        });
    }
}
