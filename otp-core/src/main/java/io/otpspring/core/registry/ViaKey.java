package io.otpspring.core.registry;

import java.util.Objects;

import io.otpspring.core.process.DeadLetter;
import io.otpspring.core.process.DeadLetter.Cause;
import io.otpspring.core.process.NameTakenException;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.Via;
import org.jspecify.annotations.Nullable;

/**
 * A key of a unique registry used as a process name (Elixir's {@code {:via, Registry, {registry,
 * key, value}}}): resolved to the key's live holder each time it is used. Obtain one with
 * {@link Registry#via}. Equal to any other via name for the same key of the same registry.
 */
final class ViaKey<K, V> implements Via {

    private final Registry<K, V> registry;
    private final K key;
    private final @Nullable V value;

    ViaKey(Registry<K, V> registry, K key, @Nullable V value) {
        this.registry = registry;
        this.key = Objects.requireNonNull(key, "key");
        this.value = value;
    }

    /** Sends to the key's live holder; with none, the message is a dead letter {@code NO_SUCH_NAME}. */
    @Override
    public void send(Object message) {
        Pid holder = registry.whereis(key);
        if (holder == null) {
            registry.node().deadLetters().publish(new DeadLetter(null, message, Cause.NO_SUCH_NAME));
            return;
        }
        holder.send(message);
    }

    /** The key's live holder, or {@code null}. */
    @Override
    public @Nullable Pid resolve() {
        return registry.whereis(key);
    }

    /** Registers {@code pid} under the key, with this name's value. */
    @Override
    public void register(Pid pid) {
        if (registry.register(key, pid, value) instanceof Registration.Taken taken) {
            throw new NameTakenException(toString(), taken.holder());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ViaKey<?, ?> via && via.registry == registry && via.key.equals(key);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(registry) * 31 + key.hashCode();
    }

    /** The namespace and the key, as {@code users/alice}. */
    @Override
    public String toString() {
        return registry.namespace() + "/" + key;
    }
}
