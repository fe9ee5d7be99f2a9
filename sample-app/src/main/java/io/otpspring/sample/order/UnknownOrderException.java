package io.otpspring.sample.order;

/** Thrown for an order id with no order process. */
public class UnknownOrderException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String id;

    public UnknownOrderException(String id) {
        super("No order '" + id + "'");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
