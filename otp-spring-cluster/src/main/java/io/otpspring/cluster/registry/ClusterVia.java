package io.otpspring.cluster.registry;

import io.otpspring.core.process.DeadLetter;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.Via;
import org.jspecify.annotations.Nullable;

/**
 * A cluster-wide name used as a process name: resolved to its live holder, on whichever node,
 * each time it is used. Obtain one with {@link ClusterRegistry#via}. Equal to any other via name
 * for the same name of the same registry.
 */
final class ClusterVia implements Via {

    private final ClusterRegistry registry;
    private final String name;

    ClusterVia(ClusterRegistry registry, String name) {
        this.registry = registry;
        this.name = name;
    }

    /** Sends to the name's live holder; with none, the message is a dead letter {@code NO_SUCH_NAME}. */
    @Override
    public void send(Object message) {
        Pid holder = registry.whereis(name);
        if (holder == null) {
            registry.node().deadLetters().publish(new DeadLetter(null, message, DeadLetter.Cause.NO_SUCH_NAME));
            return;
        }
        holder.send(message);
    }

    @Override
    public @Nullable Pid resolve() {
        return registry.whereis(name);
    }

    @Override
    public void register(Pid pid) {
        registry.register(name, pid);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClusterVia via && via.registry == registry && via.name.equals(name);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(registry) * 31 + name.hashCode();
    }

    /** The namespace and the name, as {@code users/alice}. */
    @Override
    public String toString() {
        return registry.namespace() + "/" + name;
    }
}
