package io.otpspring.cluster.registry;

/**
 * What a namespace does about a split brain, when the members cannot reach each other and each
 * side carries on alone. Either way a name has one holder while the cluster is connected, each
 * side frees the names of the nodes it lost sight of (as it would a crashed node's), and once the
 * split heals a name has one holder again: a process that lost its name is stopped with
 * {@link ClusterRegistry#conflictReason}.
 */
public enum ConflictMode {

    /**
     * Only a side with at least the quorum's number of members changes names: on a smaller side,
     * {@code register} and {@code unregister} throw {@link QuorumLostException}, while lookups keep
     * answering from what that side knows. When the split heals, the quorum's side wins
     * (Hazelcast's {@code PutIfAbsentMergePolicy} keeps the larger side's entries): a process of
     * the minority whose name was given to another meanwhile is stopped.
     */
    QUORUM,

    /**
     * Every side keeps registering, as Erlang's {@code :global} does. When the split heals, of two
     * processes registered under the same name the earlier registration, by the cluster's clock,
     * keeps it ({@link EarlierRegistrationWins}) and the other process is stopped.
     */
    RESOLVE_AFTER_MERGE
}
