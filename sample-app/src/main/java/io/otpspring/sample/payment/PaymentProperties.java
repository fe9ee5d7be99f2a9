package io.otpspring.sample.payment;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the payment provider behind the gateway misbehaves.
 *
 * @param limit the largest amount it accepts; larger charges are declined
 * @param crashEvery every how many charges an incarnation loses its connection and crashes (0: never)
 */
@ConfigurationProperties("sample.payments")
public record PaymentProperties(@DefaultValue("500") BigDecimal limit, @DefaultValue("5") int crashEvery) {
}
