package io.otpspring.cluster.placement;

import io.otpspring.core.genserver.GenServer;
import org.jspecify.annotations.Nullable;

/**
 * Builds the server of one incarnation of a key's process, on whichever node runs it.
 *
 * @param <S> the type of the state its process saves
 */
@FunctionalInterface
public interface ChildFactory<S> {

    /**
     * A fresh server for {@code key}.
     *
     * @param key the key the process runs for
     * @param state the state its last incarnation saved, the initial state it was started with, or {@code null}
     * @param checkpoint where the process saves its state
     */
    GenServer create(String key, @Nullable S state, Checkpoint<S> checkpoint);
}
