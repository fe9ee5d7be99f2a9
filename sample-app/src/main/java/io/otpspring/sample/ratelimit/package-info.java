/** A per-client token bucket, the {@code rateLimiter} process, refilled by a periodic timer message. */
@NullMarked
package io.otpspring.sample.ratelimit;

import org.jspecify.annotations.NullMarked;
