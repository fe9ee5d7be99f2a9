package io.otpspring.sample.payment;

import java.math.BigDecimal;

/**
 * A charge the provider accepted.
 *
 * @param reference what was paid for
 * @param amount how much
 * @param authorization the provider's authorization code
 */
public record Receipt(String reference, BigDecimal amount, String authorization) {
}
