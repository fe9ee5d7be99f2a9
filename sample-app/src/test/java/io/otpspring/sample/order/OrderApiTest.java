package io.otpspring.sample.order;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.otpspring.sample.SampleAppTest;
import io.otpspring.sample.pricing.PricingService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** {@code /api/orders}: an order workflow state machine per order, opened by checking out a cart. */
@SampleAppTest
class OrderApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    RestTestClient http;

    private Shop shop;

    @BeforeEach
    void shop() {
        shop = new Shop(http);
    }

    @Test
    void checkoutReservesTheItemsOpensAPendingOrderAndStopsTheCart() {
        String cart = "checkout-test-" + UUID.randomUUID();
        int before = shop.available("espresso");
        http.post().uri("/api/carts/{id}/items", cart).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("sku", "espresso", "quantity", 3)).exchange().expectStatus().isOk();

        Order order = http.post().uri("/api/carts/{id}/checkout", cart).exchange()
                .expectStatus().isCreated()
                .expectBody(Order.class).returnResult().getResponseBody();

        assertThat(order.status()).isEqualTo("pending");
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.sku()).isEqualTo("espresso");
            assertThat(line.quantity()).isEqualTo(3);
        });
        assertThat(order.total()).isEqualByComparingTo(PricingService.LIST_PRICES.get("espresso").multiply(BigDecimal.valueOf(3)));
        assertThat(shop.available("espresso")).isEqualTo(before - 3);
        http.get().uri("/api/carts/{id}", cart).exchange().expectStatus().isNotFound();
        assertThat(http.get().uri("/api/orders").exchange().expectStatus().isOk()
                .expectBody(String[].class).returnResult().getResponseBody()).contains(order.id());
    }

    @Test
    void anOrderWalksFromPendingToDeliveredAndKeepsItsTrail() {
        String id = shop.checkout("latte", 1).id();

        assertThat(shop.ok(id, "pay").status()).isEqualTo("paid");
        Order shipped = shop.ok(id, "ship");
        assertThat(shipped.status()).isEqualTo("shipped");
        assertThat(shipped.detail()).startsWith("parcel-");
        assertThat(shop.ok(id, "deliver").status()).isEqualTo("delivered");

        assertThat(shop.order(id).transitions())
                .extracting(OrderTransition::from, OrderTransition::to, OrderTransition::event)
                .containsExactly(
                        tuple(null, "pending", "init"),
                        tuple("pending", "paid", "call"),
                        tuple("paid", "shipped", "call"),
                        tuple("shipped", "delivered", "call"));
    }

    @Test
    void shippingAnUnpaidOrderIsAConflictAndChangesNothing() {
        String id = shop.checkout("latte", 1).id();

        shop.command(id, "ship").expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Illegal transition")
                .jsonPath("$.detail").isEqualTo("Cannot ship order '" + id + "': it is pending")
                .jsonPath("$.state").isEqualTo("pending");

        assertThat(shop.order(id).status()).isEqualTo("pending");
        assertThat(shop.order(id).transitions()).hasSize(1);
    }

    @Test
    void aPendingOrPaidOrderCanBeCancelledAndItsUnitsGoBackToStock() {
        int before = shop.available("croissant");
        String pending = shop.checkout("croissant", 1).id();
        String paid = shop.checkout("croissant", 2).id();
        shop.ok(paid, "pay");
        assertThat(shop.available("croissant")).isEqualTo(before - 3);

        Order cancelled = shop.ok(pending, "cancel");
        assertThat(cancelled.status()).isEqualTo("cancelled");
        assertThat(cancelled.detail()).isEqualTo("cancelled by the customer");
        assertThat(shop.ok(paid, "cancel").transitions()).extracting(OrderTransition::from, OrderTransition::to)
                .endsWith(tuple("paid", "cancelled"));

        // the restock is a cast from the order to inventory: applied soon after
        await().atMost(WAIT).untilAsserted(() -> assertThat(shop.available("croissant")).isEqualTo(before));
    }

    @Test
    void aShippedOrderCannotBeCancelled() {
        String id = shop.checkout("espresso", 1).id();
        shop.ok(id, "pay");
        shop.ok(id, "ship");

        shop.command(id, "cancel").expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.detail").isEqualTo("Cannot cancel order '" + id + "': it is shipped");
        shop.ok(id, "deliver");
        shop.command(id, "cancel").expectStatus().isEqualTo(HttpStatus.CONFLICT);

        assertThat(shop.order(id).status()).isEqualTo("delivered");
    }

    @Test
    void checkingOutAnEmptyCartOrMoreThanIsInStockIsAConflictAndTheCartKeepsItsItems() {
        String cart = "checkout-test-" + UUID.randomUUID();
        int available = shop.available("croissant");
        http.post().uri("/api/carts/{id}/items", cart).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("sku", "croissant", "quantity", available + 1)).exchange().expectStatus().isOk();

        http.post().uri("/api/carts/{id}/checkout", cart).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.title").isEqualTo("Out of stock");
        http.get().uri("/api/carts/{id}", cart).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.lines[0].quantity").isEqualTo(available + 1);

        http.delete().uri("/api/carts/{id}/items/croissant", cart).exchange().expectStatus().isOk();
        http.post().uri("/api/carts/{id}/checkout", cart).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.title").isEqualTo("Empty cart");
    }

    @Test
    void anUnknownOrderIsNotFound() {
        http.get().uri("/api/orders/order-0").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.title").isEqualTo("Unknown order");
        shop.command("order-0", "pay").expectStatus().isNotFound();
    }
}
