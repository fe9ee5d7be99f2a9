package io.otpspring.cluster.placement;

/**
 * Saves the state of a process that a {@link DistributedSupervisor} runs for a key, so that its
 * next incarnation, here or on another node, starts from it. A save is fenced: it is accepted only
 * while this incarnation's node holds the key under the epoch it started with, so a process left
 * behind (its node hung, was cut off, and came back) cannot overwrite what its successor saved.
 *
 * <p>Save after each change that must survive a crash, and in {@code terminate} as well: it runs
 * when the key moves to another node (the process stops with {@link DistributedSupervisor#HANDOFF})
 * and when its node shuts down. Call it from the process itself.
 *
 * @param <S> the state's type: anything Hazelcast serializes (a record, a {@code Serializable}, a registered type)
 */
@FunctionalInterface
public interface Checkpoint<S> {

    /**
     * Saves {@code state}, or refuses it when this incarnation no longer holds its key: the process
     * then stops with {@link DistributedSupervisor#FENCED} once the current handler returns.
     *
     * @return whether the state was saved
     */
    boolean save(S state);
}
