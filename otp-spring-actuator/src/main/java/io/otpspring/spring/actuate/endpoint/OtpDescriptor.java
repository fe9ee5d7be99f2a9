package io.otpspring.spring.actuate.endpoint;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * {@code GET /actuator/otp}: the node and its whole tree.
 *
 * @param node the node's name
 * @param startedAt when the node started (ISO-8601)
 * @param uptimeSeconds how long it has run
 * @param processCount its live processes
 * @param deadLetters messages that reached no handler so far
 * @param writable whether restart and kill are accessible ({@code management.endpoint.otp.access=unrestricted})
 * @param tree the root supervisor and everything under it
 * @param cluster the cluster this node belongs to (its nodes, which node runs what), or {@code null} outside one
 */
public record OtpDescriptor(String node, String startedAt, long uptimeSeconds, int processCount, long deadLetters,
        boolean writable, ProcessNodeDescriptor tree, @Nullable Object cluster) implements OperationResponseBody {
}
