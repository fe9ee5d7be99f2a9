package io.otpspring.sample.order;

import java.util.Map;
import java.util.UUID;

import io.otpspring.sample.inventory.Stock;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What the order tests do over HTTP: fill a cart, check it out, drive and read orders, read stock. */
record Shop(RestTestClient http) {

    /** Fills a new cart with {@code quantity} × {@code sku} and checks it out; returns the new order. */
    Order checkout(String sku, int quantity) {
        String cart = "order-test-" + UUID.randomUUID();
        http.post().uri("/api/carts/{id}/items", cart).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("sku", sku, "quantity", quantity)).exchange()
                .expectStatus().isOk();
        return http.post().uri("/api/carts/{id}/checkout", cart).exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/api/orders/order-"))
                .expectBody(Order.class).returnResult().getResponseBody();
    }

    /** {@code POST /api/orders/{id}/{command}}. */
    RestTestClient.ResponseSpec command(String id, String command) {
        return http.post().uri("/api/orders/{id}/{command}", id, command).exchange();
    }

    /** {@code POST /api/orders/{id}/{command}}, which must succeed; the order it leaves. */
    Order ok(String id, String command) {
        return command(id, command).expectStatus().isOk()
                .expectBody(Order.class).returnResult().getResponseBody();
    }

    Order order(String id) {
        return http.get().uri("/api/orders/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody(Order.class).returnResult().getResponseBody();
    }

    int available(String sku) {
        return http.get().uri("/api/inventory/{sku}", sku).exchange()
                .expectStatus().isOk()
                .expectBody(Stock.class).returnResult().getResponseBody().available();
    }
}
