package io.otpspring.spring.observation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.otpspring.spring.annotation.Cast;
import io.otpspring.spring.annotation.GenServer;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import io.otpspring.spring.autoconfigure.metrics.OtpMetricsAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A trace that starts in the caller continues through every process the request touches: each
 * handled message is an Observation whose parent is the sender's current one, across mailbox hops.
 */
class TracePropagationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TestObservationRegistry observations = TestObservationRegistry.create();

    /** Each Observation's parent, as it was when it started (a stopped one forgets it). */
    private final Map<Observation.Context, Observation.ContextView> parents = new ConcurrentHashMap<>();

    {
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                ObservationView parent = context.getParentObservation();
                if (parent != null) {
                    parents.put(context, parent.getContextView());
                }
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
    }

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class, OtpMetricsAutoConfiguration.class))
            .withBean(ObservationRegistry.class, () -> observations)
            .withUserConfiguration(Beans.class);

    /** A plain bean: what {@link Back}'s casts saw, shared by its incarnations. */
    static class AuditLog {
        final List<String> seenIn = new CopyOnWriteArrayList<>();
    }

    /** The process further down: records the observation each cast runs in. */
    @GenServer
    static class Back {

        private final AuditLog log;

        Back(AuditLog log) {
            this.log = log;
        }

        public String lookup(String item) {
            return item + " found";
        }

        @Cast
        public void audit(String entry) {
            Observation current = ObservationRegistry.NOOP.getCurrentObservation();
            log.seenIn.add(entry + " in " + (current != null && current.getContextView() instanceof ProcessMessageContext
                    handling ? handling.getMessage().label() + " " + handling.getMessage().kind().tagValue() : "nothing"));
        }
    }

    /** The process a request reaches first: it calls and casts to {@link Back}. */
    @GenServer
    static class Front {

        private final Back back;

        Front(Back back) {
            this.back = back;
        }

        public String handle(String item) {
            back.audit("request for " + item);
            return back.lookup(item);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        AuditLog auditLog() {
            return new AuditLog();
        }

        @Bean
        Back back(AuditLog log) {
            return new Back(log);
        }

        @Bean
        Front front(Back back) {
            return new Front(back);
        }
    }

    @Test
    void eachHopIsAChildObservationOfTheSendersOne() {
        contexts.run(context -> {
            Front front = context.getBean(Front.class);
            AuditLog log = context.getBean(AuditLog.class);

            Observation request = Observation.start("http.server.requests", observations).contextualName("GET /items");
            try (Observation.Scope scope = request.openScope()) {
                assertThat(front.handle("book")).isEqualTo("book found");
            }
            finally {
                request.stop();
            }

            await().atMost(WAIT).untilAsserted(() -> assertThat(log.seenIn).hasSize(1));
            assertThat(log.seenIn).containsExactly("request for book in back cast");
            await().atMost(WAIT).untilAsserted(() -> assertThat(observations).hasHandledContextsThatSatisfy(handled -> {
                assertThat(parentOf(handled, "front call")).isEqualTo("GET /items");
                assertThat(parentOf(handled, "back call")).isEqualTo("front call");
                assertThat(parentOf(handled, "back cast")).isEqualTo("front call");
                assertThat(handled).filteredOn(ProcessMessageContext.class::isInstance)
                        .as("a stopped message Observation keeps no parent alive")
                        .allSatisfy(stopped -> assertThat(stopped.getParentObservation()).isNull());
            }));
            assertThat(observations).hasObservationWithNameEqualTo("otp.process.messages").that()
                    .hasLowCardinalityKeyValue("process", "front").hasLowCardinalityKeyValue("kind", "call")
                    .hasLowCardinalityKeyValue("outcome", "success")
                    .hasHighCardinalityKeyValue("otp.message", "Front.handle");
        });
    }

    @Test
    void aMessageSentOutsideAnyObservationStartsItsOwnTrace() {
        contexts.run(context -> {
            context.getBean(Front.class).handle("pen");

            await().atMost(WAIT).untilAsserted(() -> assertThat(observations).hasHandledContextsThatSatisfy(handled ->
                    assertThat(handled).filteredOn(c -> "front call".equals(c.getContextualName())).singleElement()
                            .satisfies(front -> assertThat(parents).doesNotContainKey(front))));
        });
    }

    private String parentOf(List<Observation.Context> handled, String contextualName) {
        Observation.Context child = handled.stream().filter(c -> contextualName.equals(c.getContextualName()))
                .findFirst().orElseThrow(() -> new AssertionError("no observation named " + contextualName));
        Observation.ContextView parent = parents.get(child);
        return parent == null ? "none" : parent.getContextualName();
    }
}
