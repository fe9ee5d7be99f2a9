package io.otpspring.sample.payment;

import java.math.BigDecimal;

/** The provider refused a charge: an answer, declared, so it neither crashes the gateway nor trips its breaker. */
public class PaymentDeclinedException extends Exception {

    private final String reference;

    public PaymentDeclinedException(String reference, BigDecimal amount, BigDecimal limit) {
        super("charge of " + amount + " for " + reference + " declined: over the limit of " + limit);
        this.reference = reference;
    }

    public String reference() {
        return reference;
    }
}
