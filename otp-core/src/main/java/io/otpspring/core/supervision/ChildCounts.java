package io.otpspring.core.supervision;

/**
 * A supervisor's children counted, as OTP's {@code count_children}.
 *
 * @param specs all children, running or not
 * @param active the running ones
 * @param supervisors the children that are supervisors
 * @param workers the children that are workers
 */
public record ChildCounts(int specs, int active, int supervisors, int workers) {
}
