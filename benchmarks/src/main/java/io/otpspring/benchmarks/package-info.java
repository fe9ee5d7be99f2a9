/**
 * JMH benchmarks, one class per scenario. Each benchmark method takes the {@code @State} of the
 * runtime it measures (the nested {@code Otp} state for otp-spring, {@code Pekko} for Apache Pekko
 * typed, started by {@link io.otpspring.benchmarks.PekkoRuntime}) and is named after it
 * ({@code otp…}, {@code pekko…}), so both twins sit side by side in one class, run with the same
 * {@code @Fork} flags, and JMH builds only the state of the method it runs. Run them with
 * {@code benchmarks/run.sh}.
 */
@NullMarked
package io.otpspring.benchmarks;

import org.jspecify.annotations.NullMarked;
