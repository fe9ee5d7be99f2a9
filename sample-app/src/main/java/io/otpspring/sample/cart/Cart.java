package io.otpspring.sample.cart;

import java.math.BigDecimal;
import java.util.List;

/**
 * A cart, as {@code /api/carts} shows it.
 *
 * @param id the cart id, also its key under the {@code shoppingCart} supervisor
 * @param pid the cart's process: a crash gives it a new one
 * @param lines the items, in the order they were first added
 * @param total the sum of the lines
 */
public record Cart(String id, String pid, List<CartLine> lines, BigDecimal total) {
}
