package io.otpspring.sample.order;

import java.math.BigDecimal;

import io.otpspring.sample.inventory.Reservation;

/**
 * One line of an order: units reserved in inventory at checkout, at the price of that moment.
 *
 * @param sku the stock-keeping unit
 * @param quantity the units ordered
 * @param unitPrice the price of one unit
 * @param total {@code quantity × unitPrice}
 */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice, BigDecimal total) {

    /** The line for a reservation made at checkout. */
    public static OrderLine of(Reservation reservation) {
        return new OrderLine(reservation.sku(), reservation.quantity(), reservation.unitPrice(), reservation.total());
    }
}
