package io.otpspring.sample.inventory;

import java.math.BigDecimal;

/**
 * Units of a SKU set aside for a customer, quoted at the current price.
 *
 * @param sku the stock-keeping unit
 * @param quantity the units reserved
 * @param unitPrice the price of one unit, from pricing
 * @param total {@code quantity × unitPrice}
 * @param remaining the units of the SKU still available after this reservation
 */
public record Reservation(String sku, int quantity, BigDecimal unitPrice, BigDecimal total, int remaining) {
}
