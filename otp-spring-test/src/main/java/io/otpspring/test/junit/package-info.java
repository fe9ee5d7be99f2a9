/** The JUnit 5 extension: {@link io.otpspring.test.junit.OtpTest @OtpTest}, a node per test. */
@NullMarked
package io.otpspring.test.junit;

import org.jspecify.annotations.NullMarked;
