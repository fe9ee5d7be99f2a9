package io.otpspring.core.process;

import org.jspecify.annotations.Nullable;

/**
 * Anything a message can be addressed to: a {@link Pid} (one incarnation) or a name, resolved to
 * the current incarnation each time it is used.
 */
public interface ProcessRef {

    /** Sends {@code message} asynchronously; never blocks, never throws for a dead recipient. */
    void send(Object message);

    /**
     * The incarnation a message sent now would reach: for a pid, the pid itself; for a name, the
     * registered process, which may be a dead incarnation that its supervisor is restarting (then
     * messages wait for the new one). {@code null} when nothing answers to this reference.
     */
    @Nullable
    Pid resolve();
}
