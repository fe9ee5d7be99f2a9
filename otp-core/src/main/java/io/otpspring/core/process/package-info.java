/**
 * Processes: the {@link io.otpspring.core.process.Node} runtime, {@link io.otpspring.core.process.Pid}s,
 * message sending, links, monitors, exit signals, registered names, timers and dead letters.
 */
@NullMarked
package io.otpspring.core.process;

import org.jspecify.annotations.NullMarked;
