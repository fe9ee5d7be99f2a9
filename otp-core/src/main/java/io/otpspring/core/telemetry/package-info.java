/**
 * Telemetry: what a {@link io.otpspring.core.process.Node} reports about itself as it runs, the
 * counterpart of Erlang's {@code :telemetry} events. A {@link io.otpspring.core.telemetry.Telemetry}
 * installed on a node sees every handled message, crash and restart; the Spring integration turns
 * them into Micrometer meters and Observations. Without one, the runtime pays a single check per message.
 */
@NullMarked
package io.otpspring.core.telemetry;

import org.jspecify.annotations.NullMarked;
