package io.otpspring.core.registry;

import java.util.Objects;

import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * One registration: {@code pid} holds {@code key}, with {@code value} as its metadata.
 *
 * @param key the key
 * @param pid the process holding it
 * @param value what the process registered with the key; may be {@code null}
 */
public record Entry<K, V>(K key, Pid pid, @Nullable V value) {

    public Entry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(pid, "pid");
    }
}
