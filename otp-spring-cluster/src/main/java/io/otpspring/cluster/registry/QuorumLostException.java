package io.otpspring.cluster.registry;

/**
 * Thrown when a {@link ConflictMode#QUORUM} namespace is asked to change a name on a side of a
 * split smaller than its quorum: names change again once the split heals.
 */
public class QuorumLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QuorumLostException(String namespace, int quorum, Throwable cause) {
        super("registry '" + namespace + "' cannot change names: fewer than " + quorum
                + " members are connected (the minority side of a split)", cause);
    }
}
