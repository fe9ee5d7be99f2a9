package io.otpspring.sample.inventory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.sample.SampleAppTest;
import io.otpspring.sample.pricing.Price;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /api/inventory}: stock, reservations quoted by the pricing process, and a cast. */
@SampleAppTest
class InventoryApiTest {

    @Autowired
    RestTestClient http;

    @Autowired
    Node node;

    /** A client of its own for each test, so that the rate limit never gets in the way. */
    private final String client = "inventory-test-" + UUID.randomUUID();

    @Test
    void aReservationTakesStockAtTheCurrentPrice() {
        int before = available("latte");
        Price price = http.get().uri("/api/prices/latte").exchange().expectBody(Price.class).returnResult().getResponseBody();

        Reservation reservation = http.post().uri("/api/inventory/latte/reserve?quantity=2")
                .header(InventoryController.CLIENT_HEADER, client).exchange()
                .expectStatus().isOk()
                .expectBody(Reservation.class).returnResult().getResponseBody();

        assertThat(reservation.quantity()).isEqualTo(2);
        assertThat(reservation.unitPrice()).isEqualByComparingTo(price.price());
        assertThat(reservation.total()).isEqualByComparingTo(price.price().multiply(BigDecimal.TWO));
        assertThat(reservation.remaining()).isEqualTo(before - 2);
        assertThat(available("latte")).isEqualTo(before - 2);
    }

    @Test
    void reservingMoreThanIsAvailableIsAConflictAndTheProcessLivesOn() {
        int available = available("latte");
        Pid before = node.whereis("inventoryService");

        http.post().uri("/api/inventory/latte/reserve?quantity={quantity}", available + 1)
                .header(InventoryController.CLIENT_HEADER, client).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Out of stock")
                .jsonPath("$.available").isEqualTo(available);

        assertThat(node.whereis("inventoryService")).isEqualTo(before);
        assertThat(available("latte")).isEqualTo(available);
    }

    @Test
    void aRestockIsQueuedAndAppliedSoonAfter() {
        int before = available("latte");

        http.post().uri("/api/inventory/latte/restock?quantity=10").exchange()
                .expectStatus().isAccepted();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(available("latte")).isEqualTo(before + 10));
    }

    @Test
    void anUnknownSkuIsNotFound() {
        http.get().uri("/api/inventory/matcha").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.title").isEqualTo("Unknown SKU");
        http.post().uri("/api/inventory/matcha/restock?quantity=1").exchange()
                .expectStatus().isNotFound();
    }

    private int available(String sku) {
        return http.get().uri("/api/inventory/{sku}", sku).exchange()
                .expectStatus().isOk()
                .expectBody(Stock.class).returnResult().getResponseBody().available();
    }
}
