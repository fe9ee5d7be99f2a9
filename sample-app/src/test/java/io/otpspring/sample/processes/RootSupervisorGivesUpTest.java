package io.otpspring.sample.processes;

import java.time.Duration;

import io.otpspring.sample.SampleAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Past its restart intensity the root supervisor gives up and every process stops: calls then end
 * with an {@code ExitException}, which the API answers with 503. An application context of its
 * own (one restart allowed), closed afterwards.
 */
@SampleAppTest
@TestPropertySource(properties = "otp.restart.intensity=1")
@DirtiesContext
class RootSupervisorGivesUpTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    RestTestClient http;

    @Test
    void tooManyCrashesStopTheTreeAndCallsAreAnswered503() {
        http.get().uri("/api/prices/espresso").exchange().expectStatus().isOk();

        // crash pricing (a crash request during a restart may find it down: 503) until the root is gone
        await().atMost(WAIT).until(() -> {
            http.post().uri("/api/crash/pricingService").exchange();
            return http.get().uri("/api/processes").exchange().returnResult().getStatus()
                    .isSameCodeAs(HttpStatus.SERVICE_UNAVAILABLE);
        });

        http.get().uri("/api/prices/espresso").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Process unavailable")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("noproc"));
        http.get().uri("/api/inventory/espresso").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }
}
