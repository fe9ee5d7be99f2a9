package io.otpspring.sample.pricing;

import java.math.BigDecimal;
import java.util.Map;

import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.sample.SampleAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/prices}: calls to the pricing process, and its declared errors. */
@SampleAppTest
class PricingApiTest {

    @Autowired
    RestTestClient http;

    @Autowired
    Node node;

    @Test
    void servesTheListPrice() {
        http.get().uri("/api/prices/latte").exchange()
                .expectStatus().isOk()
                .expectBody(Price.class).value(price -> {
                    assertThat(price.sku()).isEqualTo("latte");
                    assertThat(price.price()).isEqualByComparingTo(PricingService.LIST_PRICES.get("latte"));
                });
    }

    @Test
    void keepsANewPrice() {
        http.put().uri("/api/prices/croissant").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("price", new BigDecimal("2.40"))).exchange()
                .expectStatus().isOk();

        http.get().uri("/api/prices/croissant").exchange()
                .expectStatus().isOk()
                .expectBody(Price.class).value(price -> assertThat(price.price()).isEqualByComparingTo("2.40"));
    }

    @Test
    void rejectsANonPositivePriceAndTheProcessLivesOn() {
        Pid before = node.whereis("pricingService");

        http.put().uri("/api/prices/croissant").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("price", BigDecimal.ZERO)).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.title").isEqualTo("Invalid request")
                .jsonPath("$.detail").isEqualTo("A price must be positive, got 0");

        assertThat(node.whereis("pricingService")).as("a declared exception does not crash the process").isEqualTo(before);
    }

    @Test
    void anUnknownSkuIsNotFound() {
        http.get().uri("/api/prices/matcha").exchange()
                .expectStatus().isEqualTo(HttpStatus.NOT_FOUND)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Unknown SKU")
                .jsonPath("$.sku").isEqualTo("matcha");
    }
}
