package io.otpspring.sample.order;

/** Thrown when an order's state does not allow a command: shipping an unpaid order, cancelling a shipped one. */
public class IllegalTransitionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String status;

    public IllegalTransitionException(String id, String status, String verb) {
        super("Cannot " + verb + " order '" + id + "': it is " + status);
        this.id = id;
        this.status = status;
    }

    public String id() {
        return id;
    }

    public String status() {
        return status;
    }
}
