package io.otpspring.sample.inventory;

/**
 * How many units of one SKU are in stock.
 *
 * @param sku the stock-keeping unit
 * @param available the units not yet reserved
 */
public record Stock(String sku, int available) {
}
