package io.otpspring.core.process;

import org.jspecify.annotations.Nullable;

/**
 * An exit signal turned into a message, received by a process that traps exits.
 *
 * @param from the linked process that exited, or the sender of {@code exit(pid, reason)};
 *             {@code null} when the node itself sent the signal from outside any process
 * @param reason the exit reason carried by the signal
 */
public record Exit(@Nullable Pid from, ExitReason reason) {
}
