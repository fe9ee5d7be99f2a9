/**
 * Supervision: {@link io.otpspring.core.supervision.Supervisor} processes that start, restart and
 * stop their children, and the pure {@link io.otpspring.core.supervision.SupervisionDecisions}
 * and {@link io.otpspring.core.supervision.RestartIntensity} they carry out.
 */
@NullMarked
package io.otpspring.core.supervision;

import org.jspecify.annotations.NullMarked;
