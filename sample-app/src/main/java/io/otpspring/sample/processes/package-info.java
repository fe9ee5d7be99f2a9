/**
 * The supervision tree, live: which processes run under {@code otp.root}, their pids and restart
 * counts, and a way to crash one on purpose and watch its supervisor restart it.
 */
@NullMarked
package io.otpspring.sample.processes;

import org.jspecify.annotations.NullMarked;
