package io.otpspring.sample.inventory;

/** Thrown when a reservation asks for more units than are available. */
public class OutOfStockException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String sku;
    private final int available;

    public OutOfStockException(String sku, int requested, int available) {
        super("Cannot reserve " + requested + " × " + sku + ": " + available + " available");
        this.sku = sku;
        this.available = available;
    }

    public String sku() {
        return sku;
    }

    public int available() {
        return available;
    }
}
