package io.otpspring.sample.order;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An order, as {@code /api/orders} shows it.
 *
 * @param id the order id
 * @param status {@code pending}, {@code paid}, {@code shipped}, {@code delivered} or {@code cancelled}
 * @param detail the payment, the tracking number or the reason for cancelling, as the status has one
 * @param lines what was ordered
 * @param total the sum of the lines
 * @param transitions the latest state changes, oldest first
 */
public record Order(String id, String status, @Nullable String detail, List<OrderLine> lines, BigDecimal total,
        List<OrderTransition> transitions) {
}
