package io.otpspring.sample.cart;

import java.math.BigDecimal;

/**
 * One line of a cart, priced by pricing when the item was last added.
 *
 * @param sku the stock-keeping unit
 * @param quantity the units in the cart
 * @param unitPrice the price of one unit
 * @param total {@code quantity × unitPrice}
 */
public record CartLine(String sku, int quantity, BigDecimal unitPrice, BigDecimal total) {

    static CartLine of(String sku, int quantity, BigDecimal unitPrice) {
        return new CartLine(sku, quantity, unitPrice, unitPrice.multiply(BigDecimal.valueOf(quantity)));
    }
}
