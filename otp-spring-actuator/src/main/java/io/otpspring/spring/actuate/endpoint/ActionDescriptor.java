package io.otpspring.spring.actuate.endpoint;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code POST /actuator/otp/processes/{name}}.
 *
 * @param name the process
 * @param action {@code restart} or {@code kill}
 * @param pid the new incarnation after a restart
 * @param error why the action was refused, if it was
 */
public record ActionDescriptor(String name, String action, @Nullable String pid, @Nullable String error) {
}
