package io.otpspring.spring.actuate.endpoint;

import java.util.List;

import io.otpspring.spring.process.CallGuards;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /actuator/otp/processes/{name}}: one process in detail.
 *
 * @param name the name it was looked up by
 * @param pid its current incarnation, when running
 * @param type {@code supervisor} or {@code worker}
 * @param status as in the tree
 * @param supervisor the name of its supervisor, if it has one
 * @param mailbox messages waiting in its mailbox, when running
 * @param restarts how many times its supervisor restarted it, when known
 * @param recentRestarts how many of those lie within its supervisor's intensity period, when known
 * @param lastCrash its last abnormal exit, if any is known
 * @param state a state machine's current state, by name
 * @param stateValue that state's full value, sanitized unless {@code otp.actuator.show-values} allows
 * @param recentTransitions a state machine's latest transitions, oldest first
 * @param guard what guards calls to it (a Resilience4j circuit breaker and its state, a bulkhead and
 *              the calls it still admits), or {@code null}
 */
public record ProcessDescriptor(String name, @Nullable String pid, String type, String status,
        @Nullable String supervisor, @Nullable Integer mailbox, @Nullable Integer restarts,
        @Nullable Integer recentRestarts, @Nullable CrashDescriptor lastCrash, @Nullable String state,
        @Nullable String stateValue, @Nullable List<TransitionDescriptor> recentTransitions,
        CallGuards.@Nullable GuardState guard) {
}
