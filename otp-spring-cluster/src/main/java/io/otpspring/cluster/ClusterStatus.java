package io.otpspring.cluster;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.hazelcast.cluster.Member;
import io.otpspring.cluster.registry.ClusterRegistry;
import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * The cluster as this node sees it now: for {@code /actuator/otp} and the health check.
 *
 * @param name the Hazelcast cluster's name
 * @param localNode this node
 * @param nodes the connected nodes, this one included, by name
 * @param quorumSize the smallest number of nodes that makes a quorum, or {@code null} when none is required
 * @param quorum whether the connected nodes make a quorum (always, when none is required)
 * @param registry the cluster-wide registry namespaces, by name
 */
public record ClusterStatus(String name, String localNode, List<NodeStatus> nodes, @Nullable Integer quorumSize,
        boolean quorum, Map<String, NamespaceStatus> registry) {

    /** The most names listed per registry namespace. */
    public static final int PAGE = 100;

    /**
     * One connected node.
     *
     * @param name its name
     * @param address its member's address
     * @param local whether it is this node
     */
    public record NodeStatus(String name, String address, boolean local) {
    }

    /**
     * One cluster-wide registry namespace.
     *
     * @param mode what it does about a split brain
     * @param count how many names it holds
     * @param names the first {@link #PAGE} names (in name order) and their processes' pids
     */
    public record NamespaceStatus(String mode, int count, Map<String, String> names) {
    }

    /**
     * The status of {@code cluster} now, for a quorum of {@code quorumSize} nodes ({@code null}:
     * none required), with {@code registries}.
     */
    public static ClusterStatus of(Cluster cluster, @Nullable Integer quorumSize, Collection<ClusterRegistry> registries) {
        List<NodeStatus> nodes = cluster.nodes().stream().sorted(Comparator.naturalOrder())
                .map(name -> status(cluster, name)).toList();
        Map<String, NamespaceStatus> namespaces = new LinkedHashMap<>();
        registries.forEach(registry -> namespaces.put(registry.namespace(), status(registry)));
        return new ClusterStatus(cluster.hazelcast().getConfig().getClusterName(), cluster.node().name(), nodes,
                quorumSize, quorumSize == null || nodes.size() >= quorumSize, namespaces);
    }

    private static NamespaceStatus status(ClusterRegistry registry) {
        Map<String, Pid> all = new TreeMap<>(registry.names());
        Map<String, String> page = new LinkedHashMap<>();
        all.entrySet().stream().limit(PAGE).forEach(entry -> page.put(entry.getKey(), entry.getValue().toString()));
        return new NamespaceStatus(registry.mode().name().toLowerCase(Locale.ROOT).replace('_', '-'), all.size(), page);
    }

    private static NodeStatus status(Cluster cluster, String name) {
        Member member = cluster.members().member(name);
        return new NodeStatus(name, member == null ? "?" : member.getAddress().toString(),
                name.equals(cluster.node().name()));
    }
}
