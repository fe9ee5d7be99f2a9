package io.otpspring.cluster.transport;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * What one node's distribution tells another's, on the receiver's topic. Each is small and
 * self-contained; {@link SignalSerializer} writes them field by field, and the objects users send
 * ({@code payload}, {@code request}, {@code value}) through Hazelcast's serialization or JSON.
 */
sealed interface Signal {

    /** A plain message ({@code cast} false) or a cast for {@code to}, the {@code number}th from its node to this one. */
    record Send(Pid to, boolean cast, Object payload, long number) implements Signal {
    }

    /**
     * The sender listens on its topic now; {@code answer}: greet it back. A node is connected
     * once it has greeted.
     */
    record Hello(boolean answer) implements Signal {
    }

    /** The receiver got every {@link Send} up to {@code number} from the node this goes to. */
    record Ack(long number) implements Signal {
    }

    /** A call for {@code to}; its outcome goes back to node {@code replyTo} under {@code callId}. */
    record CallRequest(long callId, String replyTo, Pid to, Object request) implements Signal {
    }

    /** The answer to call {@code callId}. */
    record CallReply(long callId, @Nullable Object value) implements Signal {
    }

    /** Call {@code callId} will never be answered: {@code server} exited with {@code reason} (or was not alive). */
    record CallFailed(long callId, Pid server, ExitReason reason) implements Signal {
    }

    /** An exit signal for {@code to}; {@code viaLink} when it comes from a linked process's exit. */
    record ExitSignal(@Nullable Pid from, Pid to, ExitReason reason, boolean viaLink) implements Signal {
    }

    /** Links {@code local} (on the receiver) with {@code remote} (on the sender). */
    record Link(Pid remote, Pid local) implements Signal {
    }

    /** Removes the link between {@code local} (on the receiver) and {@code remote}. */
    record Unlink(Pid remote, Pid local) implements Signal {
    }

    /** {@code watcher} (on the sender) monitors {@code target} (on the receiver) under {@code ref}. */
    record Monitor(long ref, Pid watcher, Pid target) implements Signal {
    }

    /** Ends monitor {@code ref} of {@code watcher} on {@code target}. */
    record Demonitor(long ref, Pid watcher, Pid target) implements Signal {
    }

    /** Monitor {@code ref} fired: its target exited with {@code reason}. */
    record MonitorDown(long ref, ExitReason reason) implements Signal {
    }
}
