/** Auto-configuration of the {@code otp} endpoint, the {@code otp} health contributor and the observer page. */
@NullMarked
package io.otpspring.spring.actuate.autoconfigure;

import org.jspecify.annotations.NullMarked;
