/**
 * JMH benchmarks of otp-spring's Spring integration: {@code @GenServer} beans in an application
 * context built programmatically with {@code OtpAutoConfiguration}, compared with otp-core and
 * with plain beans in the same run. Same conventions as {@code io.otpspring.benchmarks}: an
 * {@code Otp} state per benchmark, methods named {@code otp…}, fork flags from {@code Jvm}.
 */
@NullMarked
package io.otpspring.benchmarks.spring;

import org.jspecify.annotations.NullMarked;
