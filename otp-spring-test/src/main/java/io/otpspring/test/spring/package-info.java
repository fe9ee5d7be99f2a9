/** The test kit in a Spring test: an {@link io.otpspring.test.OtpTestKit} bean on the application's node. */
@NullMarked
package io.otpspring.test.spring;

import org.jspecify.annotations.NullMarked;
