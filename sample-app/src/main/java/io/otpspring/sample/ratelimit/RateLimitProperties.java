package io.otpspring.sample.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the rate limiter ({@code sample.rate-limit.*}).
 *
 * @param capacity Requests a client may make in a burst: the size of its bucket.
 * @param refillPeriod How often every client gets one token back.
 */
@ConfigurationProperties("sample.rate-limit")
public record RateLimitProperties(@DefaultValue("5") int capacity, @DefaultValue("1s") Duration refillPeriod) {
}
