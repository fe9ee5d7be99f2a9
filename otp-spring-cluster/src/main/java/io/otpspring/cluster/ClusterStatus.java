package io.otpspring.cluster;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.hazelcast.cluster.Member;
import io.otpspring.cluster.placement.ClusterSingleton;
import io.otpspring.cluster.placement.DistributedSupervisor;
import io.otpspring.cluster.placement.Placement;
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
 * @param supervisors the distributed supervisors, by name: which node runs which key
 * @param singletons the cluster singletons, by name: the node each runs on ({@code null} while it moves)
 */
public record ClusterStatus(String name, String localNode, List<NodeStatus> nodes, @Nullable Integer quorumSize,
        boolean quorum, Map<String, NamespaceStatus> registry, Map<String, SupervisorStatus> supervisors,
        Map<String, @Nullable String> singletons) {

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
     * One distributed supervisor.
     *
     * @param count how many keys it runs across the cluster
     * @param children the first {@link #PAGE} keys (in key order) and the node running each ({@code null} while it moves)
     */
    public record SupervisorStatus(int count, Map<String, @Nullable String> children) {
    }

    /** What the status shows besides the nodes: registries, distributed supervisors, singletons. */
    public record Parts(Collection<ClusterRegistry> registries, Collection<DistributedSupervisor<?>> supervisors,
            Collection<ClusterSingleton<?>> singletons) {

        /** Nodes and quorum only. */
        public static final Parts NONE = new Parts(List.of(), List.of(), List.of());
    }

    /**
     * The status of {@code cluster} now, for a quorum of {@code quorumSize} nodes ({@code null}:
     * none required), with {@code parts}.
     */
    public static ClusterStatus of(Cluster cluster, @Nullable Integer quorumSize, Parts parts) {
        List<NodeStatus> nodes = cluster.nodes().stream().sorted(Comparator.naturalOrder())
                .map(name -> status(cluster, name)).toList();
        Map<String, NamespaceStatus> namespaces = new LinkedHashMap<>();
        parts.registries().forEach(registry -> namespaces.put(registry.namespace(), status(registry)));
        Map<String, SupervisorStatus> supervisors = new LinkedHashMap<>();
        parts.supervisors().forEach(supervisor -> supervisors.put(supervisor.name(), status(supervisor)));
        Map<String, @Nullable String> singletons = new LinkedHashMap<>();
        parts.singletons().forEach(singleton -> {
            Placement placement = singleton.placement();
            singletons.put(singleton.name(), placement == null ? null : placement.node());
        });
        return new ClusterStatus(cluster.hazelcast().getConfig().getClusterName(), cluster.node().name(), nodes,
                quorumSize, quorumSize == null || nodes.size() >= quorumSize, namespaces, supervisors, singletons);
    }

    private static SupervisorStatus status(DistributedSupervisor<?> supervisor) {
        Map<String, Placement> all = new TreeMap<>(supervisor.children());
        Map<String, @Nullable String> page = new LinkedHashMap<>();
        all.entrySet().stream().limit(PAGE).forEach(entry -> page.put(entry.getKey(), entry.getValue().node()));
        return new SupervisorStatus(all.size(), page);
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
