/**
 * Each handled message as a Micrometer Observation ({@code otp.process.messages}), run within the
 * context its sender had, so traces continue through every process a request touches.
 */
@NullMarked
package io.otpspring.spring.observation;

import org.jspecify.annotations.NullMarked;
