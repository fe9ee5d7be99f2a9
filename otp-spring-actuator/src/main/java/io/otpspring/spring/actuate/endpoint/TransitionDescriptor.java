package io.otpspring.spring.actuate.endpoint;

import org.jspecify.annotations.Nullable;

/**
 * One state change of a state machine, by names only (no values).
 *
 * @param from the state it left, {@code null} for an incarnation's initial state
 * @param event what caused it ({@code cast PayOrder}, {@code state_timeout}, ...), {@code null} for an initial state
 * @param to the state it entered
 * @param at when (ISO-8601)
 */
public record TransitionDescriptor(@Nullable String from, @Nullable String event, String to, String at) {
}
