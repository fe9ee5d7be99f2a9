/**
 * The {@code otp} health contributor: one indicator per supervisor of the live tree, from the root down.
 */
@NullMarked
package io.otpspring.spring.actuate.health;

import org.jspecify.annotations.NullMarked;
