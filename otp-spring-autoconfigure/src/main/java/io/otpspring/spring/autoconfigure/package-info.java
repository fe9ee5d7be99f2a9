/**
 * Auto-configuration of otp-spring: the node, the {@code otp.*} properties and the supervision tree
 * of the application's process beans.
 */
@NullMarked
package io.otpspring.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
