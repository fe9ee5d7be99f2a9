package io.otpspring.sample.ratelimit;

import java.util.UUID;

import io.otpspring.core.process.Node;
import io.otpspring.sample.SampleAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The rate limit on reservations: a token bucket per client, refilled by a timer message. */
@SampleAppTest
class RateLimiterApiTest {

    private static final String CLIENT_HEADER = "X-Client-Id";

    @Autowired
    RestTestClient http;

    @Autowired
    RateLimitProperties limits;

    @Autowired
    Node node;

    @Test
    void deniesAClientOnceItsBucketIsEmpty() {
        String client = newClient();
        for (int i = 0; i < limits.capacity(); i++) {
            reserve(client).expectStatus().isOk();
        }

        reserve(client).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectBody().jsonPath("$.detail").value(String.class, detail -> detail.contains(client));
    }

    @Test
    void countsEachClientApart() {
        String greedy = newClient();
        for (int i = 0; i < limits.capacity(); i++) {
            reserve(greedy).expectStatus().isOk();
        }
        reserve(greedy).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        reserve(newClient()).expectStatus().isOk();
    }

    @Test
    void aRefillMessageGivesATokenBack() {
        String client = newClient();
        for (int i = 0; i < limits.capacity(); i++) {
            reserve(client).expectStatus().isOk();
        }
        reserve(client).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        // what the timer sends; it reaches the mailbox before the next request's call does
        node.named("rateLimiter").send(new RateLimiter.Refill());

        reserve(client).expectStatus().isOk();
        reserve(client).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    private RestTestClient.ResponseSpec reserve(String client) {
        return http.post().uri("/api/inventory/espresso/reserve").header(CLIENT_HEADER, client).exchange();
    }

    private static String newClient() {
        return "rate-limit-test-" + UUID.randomUUID();
    }
}
