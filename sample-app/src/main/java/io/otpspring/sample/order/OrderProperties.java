package io.otpspring.sample.order;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of orders ({@code sample.orders.*}).
 *
 * @param paymentTimeout How long an order waits for payment before it is cancelled.
 */
@ConfigurationProperties("sample.orders")
public record OrderProperties(@DefaultValue("15m") Duration paymentTimeout) {
}
