package io.otpspring.spring.actuate.health;

import java.time.Duration;

import io.otpspring.core.process.Node;
import io.otpspring.spring.actuate.app.TestApplication;
import io.otpspring.spring.actuate.app.TestApplication.Pricing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/health/otp} through a real HTTP server: a component per supervisor; a crash
 * loop makes the root OUT_OF_SERVICE (503), and a root that gave up is DOWN. Intensity 2 and a
 * threshold of half of it: one restart within the period is already a crash loop here.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoint.health.show-details=always", "otp.restart.intensity=2", "otp.restart.period=1h",
        "otp.actuator.health.restart-threshold=0.5" })
@AutoConfigureRestTestClient
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class OtpHealthTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    RestTestClient http;

    @Autowired
    Node node;

    @Test
    void upWithAComponentPerSupervisorThenOutOfServiceInACrashLoopThenDownWhenTheRootGivesUp(
            @Autowired Pricing pricing) {
        http.get().uri("/actuator/health/otp").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components['otp.root'].status").isEqualTo("UP")
                .jsonPath("$.components['otp.root'].details.strategy").isEqualTo("dependents_for_one")
                .jsonPath("$.components.signals.status").isEqualTo("UP")
                .jsonPath("$.components.counter.status").isEqualTo("UP");

        crash(pricing);
        http.get().uri("/actuator/health/otp").exchange().expectStatus().isEqualTo(503).expectBody()
                .jsonPath("$.status").isEqualTo("OUT_OF_SERVICE")
                .jsonPath("$.components['otp.root'].details.recentRestarts").isEqualTo(1)
                .jsonPath("$.components['otp.root'].details.reason").value(reason ->
                        org.assertj.core.api.Assertions.assertThat((String) reason).startsWith("crash loop"));

        crash(pricing);
        assertThatThrownBy(pricing::crash).isInstanceOf(RuntimeException.class);
        await().atMost(WAIT).until(() -> node.whereis("otp.root") == null);
        http.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503).expectBody()
                .jsonPath("$.components.otp.status").isEqualTo("DOWN")
                .jsonPath("$.components.otp.components['otp.root'].details.reason").value(reason ->
                        org.assertj.core.api.Assertions.assertThat((String) reason).contains("gave up"));
    }

    @Test
    void aSupervisorThatIsNotRunningIsDown() {
        io.otpspring.core.supervision.Supervisor.terminateChild(node.whereis("otp.root"), "signals");

        http.get().uri("/actuator/health/otp").exchange().expectStatus().isEqualTo(503).expectBody()
                .jsonPath("$.components.signals.status").isEqualTo("DOWN")
                .jsonPath("$.components['otp.root'].status").isEqualTo("UP");
    }

    /** Crashes pricing and waits for its restart. */
    private void crash(Pricing pricing) {
        var before = node.whereis("pricing");
        assertThatThrownBy(pricing::crash).isInstanceOf(RuntimeException.class);
        await().atMost(WAIT).until(() -> node.whereis("pricing") != null && !node.whereis("pricing").equals(before));
    }
}
