package io.otpspring.core.telemetry;

import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * One message about to be handled, as {@link Telemetry#handle} sees it.
 *
 * @param pid the process handling it
 * @param label what the process is called: its label (a static supervisor's child: its id; a
 *              dynamic supervisor's child: that supervisor's label), else its registered name, else
 *              {@code anonymous}. Bounded as long as labels and registered names are (register
 *              per-entity names with a {@linkplain io.otpspring.core.process.SpawnOptions#withLabel label}),
 *              so usable as a metric tag
 * @param kind call, cast or info
 * @param payload the request (for calls and casts) or the message itself
 * @param context what {@link Telemetry#capture()} returned on the sender's thread, or {@code null}
 */
public record HandledMessage(Pid pid, String label, MessageKind kind, Object payload, @Nullable Object context) {
}
