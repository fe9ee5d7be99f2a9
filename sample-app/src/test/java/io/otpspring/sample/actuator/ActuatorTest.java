package io.otpspring.sample.actuator;

import java.time.Duration;
import java.util.Map;

import io.otpspring.sample.SampleAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the sample exposes for operators: the otp endpoint (writable), per-supervisor health, the
 * otp meters under /actuator/metrics and in Prometheus's format.
 */
@SampleAppTest
class ActuatorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    RestTestClient http;

    @Test
    void theTreeIsThereAndTheSampleLetsOperatorsRestartProcesses() {
        http.get().uri("/actuator/otp").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.writable").isEqualTo(true)
                .jsonPath("$.tree.name").isEqualTo("otp.root")
                .jsonPath("$.tree.children[?(@.name == 'shoppingCart')].dynamic").isEqualTo(true);

        http.post().uri("/actuator/otp/processes/rateLimiter").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("action", "restart")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.pid").isNotEmpty();
    }

    @Test
    void healthShowsEverySupervisor() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.components.otp.status").isEqualTo("UP")
                .jsonPath("$.components.otp.components['otp.root'].details.strategy").isEqualTo("dependents_for_one")
                .jsonPath("$.components.otp.components.shoppingCart.status").isEqualTo("UP");
    }

    @Test
    void restartsAndHandledMessagesAreMetersInPrometheusFormat() {
        http.post().uri("/api/crash/rateLimiter").exchange().expectStatus().isAccepted();

        await().atMost(WAIT).untilAsserted(() -> http.get()
                .uri("/actuator/metrics/otp.supervisor.restarts?tag=child:rateLimiter").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.measurements[0].value")
                .value(count -> assertThat(((Number) count).doubleValue()).isPositive()));
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .value(scrape -> assertThat(scrape)
                        .contains("otp_processes ")
                        .contains("otp_process_messages_seconds_count{")
                        .contains("otp_process_crashes_total{exception=\"IllegalStateException\",process=\"rateLimiter\"}")
                        .contains("otp_dead_letters_total"));
    }
}
