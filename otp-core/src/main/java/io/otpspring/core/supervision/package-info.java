/**
 * Supervision: {@link io.otpspring.core.supervision.Supervisor} processes that start, restart and
 * stop their children, and the pure {@link io.otpspring.core.supervision.SupervisionDecisions}
 * and {@link io.otpspring.core.supervision.RestartIntensity} they carry out, and
 * {@link io.otpspring.core.supervision.DynamicSupervisor}s that start children on demand.
 */
@NullMarked
package io.otpspring.core.supervision;

import org.jspecify.annotations.NullMarked;
