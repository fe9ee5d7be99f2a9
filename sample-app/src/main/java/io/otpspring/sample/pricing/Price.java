package io.otpspring.sample.pricing;

import java.math.BigDecimal;

/**
 * The price of one SKU.
 *
 * @param sku the stock-keeping unit, e.g. {@code espresso}
 * @param price its unit price
 */
public record Price(String sku, BigDecimal price) {
}
