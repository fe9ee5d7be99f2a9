/**
 * The {@code otp} Actuator endpoint: the node and its supervision tree, the registries, one
 * process in detail, and restart/kill on request.
 */
@NullMarked
package io.otpspring.spring.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
