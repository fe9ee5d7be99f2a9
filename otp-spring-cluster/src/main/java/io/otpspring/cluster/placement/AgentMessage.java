package io.otpspring.cluster.placement;

/** What a {@link PlacementAgent} handles; those marked remote may come from other nodes, so they hold strings only. */
sealed interface AgentMessage {

    /**
     * (remote call) Start {@code key} here if this node owns it. Replies its pid when it runs
     * (here or, while it moves, elsewhere), {@code null} when the caller should ask again (this
     * node does not own it, or it is between two nodes), or {@link StartFailed}.
     */
    record Start(String key) implements AgentMessage {
    }

    /** The reply to {@link Start} when the key's process failed to start, and why. */
    record StartFailed(String reason) {
    }

    /** (remote call) Stop this node's process for {@code key}, whose slot is removed; replies whether it ran here. */
    record Stop(String key) implements AgentMessage {
    }

    /** (remote) {@code key} was released to this node: start it if this node owns it. */
    record Nudge(String key) implements AgentMessage {
    }

    /** (remote) Run a reconcile pass; {@code cause} says why (for the log). */
    record Reconcile(String cause) implements AgentMessage {
    }

    /**
     * This member rejoined after a split, its data merged into the other side's: the keys it holds
     * but no longer runs (stopped while its data was being merged) are let go.
     */
    record Merged() implements AgentMessage {
    }

    /** This node's incarnation of {@code key} under {@code epoch} exited {@code normal}: the key is done. */
    record Finished(String key, long epoch) implements AgentMessage {
    }
}
