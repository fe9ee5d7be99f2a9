package io.otpspring.sample.payment;

import java.time.Duration;
import java.util.Map;

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
 * The flaky payment gateway behind its circuit breaker, restarted with backoff. A context of its
 * own (crashes here must not spend the shared context's restart budget), with a breaker that
 * retries after 300 ms and a provider that never crashes by itself.
 */
@SampleAppTest
@TestPropertySource(properties = { "sample.payments.crash-every=0", "otp.restart.intensity=50",
        "resilience4j.circuitbreaker.instances.paymentGateway.wait-duration-in-open-state=300ms" })
@DirtiesContext
class PaymentApiTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    RestTestClient http;

    @Test
    void aChargeIsPaidAndOneOverTheLimitDeclinedWithoutTrippingTheBreaker() {
        for (int i = 0; i < 5; i++) {
            charge("order-" + i, 800).expectStatus().isEqualTo(HttpStatus.PAYMENT_REQUIRED).expectBody()
                    .jsonPath("$.title").isEqualTo("Payment declined");
        }
        charge("order-9", 12).expectStatus().isOk().expectBody().jsonPath("$.reference").isEqualTo("order-9");
        assertThat(breakerState()).isEqualTo("CLOSED");
    }

    @Test
    void crashesOpenTheBreakerSoCallersAreRefusedAtOnceThenItClosesAgain() {
        // each crash is a failed call; a charge while the gateway waits out its backoff fails too
        await().atMost(WAIT).until(() -> {
            http.post().uri("/api/crash/paymentGateway").exchange();
            return "OPEN".equals(breakerState());
        });

        charge("order-10", 10).expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE).expectBody()
                .jsonPath("$.title").isEqualTo("Circuit open");
        http.get().uri("/actuator/circuitbreakers").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.circuitBreakers.paymentGateway.state").isEqualTo("OPEN");

        // after its wait and the gateway's restart, a trial charge goes through and closes the breaker
        await().atMost(WAIT).until(() -> charge("order-11", 10).returnResult().getStatus().isSameCodeAs(HttpStatus.OK));
        assertThat(breakerState()).isEqualTo("CLOSED");
    }

    private RestTestClient.ResponseSpec charge(String reference, int amount) {
        return http.post().uri("/api/payments").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reference", reference, "amount", amount)).exchange();
    }

    private String breakerState() {
        return http.get().uri("/actuator/otp/processes/paymentGateway").exchange().expectStatus().isOk()
                .expectBody(GatewayDetail.class).returnResult().getResponseBody().guard().circuitBreakerState();
    }

    /** The part of the process detail this test reads. */
    record GatewayDetail(Guard guard) {
        record Guard(String circuitBreaker, String circuitBreakerState) {
        }
    }
}
