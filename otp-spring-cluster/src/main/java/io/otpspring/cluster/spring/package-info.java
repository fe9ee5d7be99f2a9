/** Spring Boot auto-configuration of the cluster: {@code otp.cluster.*}. */
@NullMarked
package io.otpspring.cluster.spring;

import org.jspecify.annotations.NullMarked;
