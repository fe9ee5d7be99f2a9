/**
 * JMH benchmarks, one class per scenario. Each benchmark method takes the {@code @State} of the
 * runtime it measures (the nested {@code Otp} state for otp-spring) and is named after it
 * ({@code otp…}), so a {@code pekko…} twin with its own state can sit beside it and JMH builds
 * only the state of the method it runs. Run them with {@code benchmarks/run.sh}.
 */
@NullMarked
package io.otpspring.benchmarks;

import org.jspecify.annotations.NullMarked;
