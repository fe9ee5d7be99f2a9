/**
 * The observer page: a live view of the supervision tree, served from this jar at
 * {@code /otp/observer} and fed by the {@code otp} endpoint.
 */
@NullMarked
package io.otpspring.spring.actuate.observer;

import org.jspecify.annotations.NullMarked;
