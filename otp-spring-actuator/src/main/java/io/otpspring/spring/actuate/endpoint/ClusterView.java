package io.otpspring.spring.actuate.endpoint;

/**
 * What {@code GET /actuator/otp} shows, under {@code cluster}, of the cluster this node belongs
 * to: provided by the cluster module when the node is in one.
 */
@FunctionalInterface
public interface ClusterView {

    /** The cluster as it is now, as a JSON-ready value. */
    Object describe();
}
