package io.otpspring.sample.pricing;

/** Thrown for a SKU the shop does not sell. */
public class UnknownSkuException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String sku;

    public UnknownSkuException(String sku) {
        super("No SKU '" + sku + "' in the catalogue");
        this.sku = sku;
    }

    public String sku() {
        return sku;
    }
}
