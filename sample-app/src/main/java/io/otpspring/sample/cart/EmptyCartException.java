package io.otpspring.sample.cart;

/** Thrown when checking out a cart with nothing in it. */
public class EmptyCartException extends Exception {

    private static final long serialVersionUID = 1L;

    public EmptyCartException(String id) {
        super("Cart '" + id + "' is empty: add an item before checking out");
    }
}
