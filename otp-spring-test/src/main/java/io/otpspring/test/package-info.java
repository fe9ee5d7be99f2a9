/**
 * The otp-spring test kit: {@link io.otpspring.test.OtpAssertions} for processes, supervisors and
 * state machines (each with an {@code eventually()} form), {@link io.otpspring.test.TestProbe}s,
 * {@link io.otpspring.test.Faults}, virtual time ({@link io.otpspring.core.process.VirtualTime}) and
 * {@link io.otpspring.test.junit.OtpTest @OtpTest}, which gives each test its own node.
 */
@NullMarked
package io.otpspring.test;

import org.jspecify.annotations.NullMarked;
