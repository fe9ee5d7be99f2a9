/**
 * Shopping carts: a process per cart ({@link io.otpspring.sample.cart.ShoppingCart}, a prototype
 * {@code @GenServer}) under the {@code shoppingCart} dynamic supervisor, started on the first item
 * and stopped on checkout or on request.
 */
@NullMarked
package io.otpspring.sample.cart;

import org.jspecify.annotations.NullMarked;
