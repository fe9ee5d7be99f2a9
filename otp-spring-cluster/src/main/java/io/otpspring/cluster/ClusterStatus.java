package io.otpspring.cluster;

import java.util.Comparator;
import java.util.List;

import com.hazelcast.cluster.Member;
import org.jspecify.annotations.Nullable;

/**
 * The cluster as this node sees it now: for {@code /actuator/otp} and the health check.
 *
 * @param name the Hazelcast cluster's name
 * @param localNode this node
 * @param nodes the connected nodes, this one included, by name
 * @param quorumSize the smallest number of nodes that makes a quorum, or {@code null} when none is required
 * @param quorum whether the connected nodes make a quorum (always, when none is required)
 */
public record ClusterStatus(String name, String localNode, List<NodeStatus> nodes, @Nullable Integer quorumSize,
        boolean quorum) {

    /**
     * One connected node.
     *
     * @param name its name
     * @param address its member's address
     * @param local whether it is this node
     */
    public record NodeStatus(String name, String address, boolean local) {
    }

    /** The status of {@code cluster} now, for a quorum of {@code quorumSize} nodes ({@code null}: none required). */
    public static ClusterStatus of(Cluster cluster, @Nullable Integer quorumSize) {
        List<NodeStatus> nodes = cluster.nodes().stream().sorted(Comparator.naturalOrder())
                .map(name -> status(cluster, name)).toList();
        return new ClusterStatus(cluster.hazelcast().getConfig().getClusterName(), cluster.node().name(), nodes,
                quorumSize, quorumSize == null || nodes.size() >= quorumSize);
    }

    private static NodeStatus status(Cluster cluster, String name) {
        Member member = cluster.members().member(name);
        return new NodeStatus(name, member == null ? "?" : member.getAddress().toString(),
                name.equals(cluster.node().name()));
    }
}
