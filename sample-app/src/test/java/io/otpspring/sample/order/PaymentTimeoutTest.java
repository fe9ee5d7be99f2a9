package io.otpspring.sample.order;

import java.time.Duration;

import io.otpspring.sample.SampleAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * An unpaid order is cancelled by its state timeout. An application context of its own, with a
 * payment timeout short enough to wait for, closed afterwards.
 */
@SampleAppTest
@TestPropertySource(properties = "sample.orders.payment-timeout=200ms")
@DirtiesContext
class PaymentTimeoutTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    RestTestClient http;

    @Test
    void anUnpaidOrderIsCancelledAndItsUnitsGoBackToStock() {
        Shop shop = new Shop(http);
        int before = shop.available("latte");
        String id = shop.checkout("latte", 2).id();

        Order cancelled = await().atMost(WAIT).until(() -> shop.order(id), order -> order.status().equals("cancelled"));

        assertThat(cancelled.detail()).isEqualTo(OrderWorkflow.PAYMENT_TIMEOUT);
        assertThat(cancelled.transitions()).extracting(OrderTransition::from, OrderTransition::to, OrderTransition::event)
                .containsExactly(tuple(null, "pending", "init"), tuple("pending", "cancelled", "state_timeout"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(shop.available("latte")).isEqualTo(before));
        shop.command(id, "pay").expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }
}
