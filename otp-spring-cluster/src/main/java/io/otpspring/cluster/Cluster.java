package io.otpspring.cluster;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import io.otpspring.cluster.placement.DistributedSupervisor;
import io.otpspring.cluster.transport.HazelcastDistribution;
import io.otpspring.cluster.transport.Members;
import io.otpspring.cluster.transport.Transport;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import tools.jackson.databind.json.JsonMapper;

/**
 * A node joined to other nodes over Hazelcast: pids and names of processes on other nodes work
 * as local ones do (send, call, cast, link, monitor), and processes can watch nodes come and go.
 *
 * <pre>{@code
 * Config config = new Config();
 * Cluster.configure(config, node, FailureDetection.DEFAULTS);
 * Cluster cluster = Cluster.join(node, Hazelcast.newHazelcastInstance(config));
 * }</pre>
 */
public final class Cluster implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Node node;
    private final HazelcastInstance hazelcast;
    private final Members members;
    private final HazelcastDistribution distribution;
    private final UUID membershipListener;
    private final Set<Pid> nodeWatchers = ConcurrentHashMap.newKeySet();

    private Cluster(Node node, HazelcastInstance hazelcast, Members members, HazelcastDistribution distribution,
            UUID membershipListener) {
        this.node = node;
        this.hazelcast = hazelcast;
        this.members = members;
        this.distribution = distribution;
        this.membershipListener = membershipListener;
        members.addListener(new Members.Listener() {
            @Override
            public void nodeUp(String name) {
                nodeWatchers.forEach(watcher -> watcher.send(new NodeUp(name)));
            }

            @Override
            public void nodeDown(String name) {
                nodeWatchers.forEach(watcher -> watcher.send(new NodeDown(name)));
            }
        });
    }

    /**
     * Prepares a Hazelcast config, before its instance starts, for {@code node}: names the member
     * after the node ({@value Members#NODE_ATTRIBUTE}), registers the serializers for the signals
     * between nodes, for pids and for distributed supervisors' maps, and sets the failure detection timings.
     */
    public static void configure(Config config, Node node, FailureDetection failureDetection) {
        config.getMemberAttributeConfig().setAttribute(Members.NODE_ATTRIBUTE, node.name());
        Transport.configure(config, node, JSON);
        DistributedSupervisor.configure(config);
        failureDetection.applyTo(config);
    }

    /**
     * Joins {@code node} to the other nodes of {@code hazelcast}'s cluster, whose config went
     * through {@link #configure} for this node.
     *
     * @throws IllegalStateException when the member is not named after the node, or another member is
     */
    public static Cluster join(Node node, HazelcastInstance hazelcast) {
        Objects.requireNonNull(node, "node");
        Member local = hazelcast.getCluster().getLocalMember();
        if (!node.name().equals(Members.nameOf(local))) {
            throw new IllegalStateException("the Hazelcast member is not named after node '" + node.name()
                    + "': prepare its config with Cluster.configure before the instance starts");
        }
        for (Member member : hazelcast.getCluster().getMembers()) {
            if (!member.localMember() && node.name().equals(Members.nameOf(member))) {
                throw new IllegalStateException("another member (" + member.getAddress() + ") is node '"
                        + node.name() + "' already: each node of a cluster needs its own name (otp.node-name)");
            }
        }
        Members members = new Members(node.name());
        UUID listener = hazelcast.getCluster().addMembershipListener(members);
        HazelcastDistribution distribution = Transport.start(node, hazelcast, members, JSON);
        return new Cluster(node, hazelcast, members, distribution, listener);
    }

    /** This node. */
    public Node node() {
        return node;
    }

    /** The Hazelcast instance underneath. */
    public HazelcastInstance hazelcast() {
        return hazelcast;
    }

    /** The nodes connected now, this one included. */
    public Set<String> nodes() {
        return members.names();
    }

    /** Whether {@code name} is connected now. */
    public boolean isConnected(String name) {
        return members.isConnected(name);
    }

    /** Who is who among the members, and when nodes come and go: for the cluster's other parts. */
    public Members members() {
        return members;
    }

    /**
     * Sends {@code watcher} a {@link NodeUp} or {@link NodeDown} whenever a node joins or leaves,
     * until it exits or {@link #demonitorNodes} (Erlang's {@code net_kernel:monitor_nodes}).
     */
    public void monitorNodes(Pid watcher) {
        if (nodeWatchers.add(watcher) && !watcher.isRemote() && !node.addExitListener(watcher, (pid, reason) -> nodeWatchers.remove(pid))) {
            nodeWatchers.remove(watcher);
        }
    }

    /** Stops sending {@code watcher} node events. */
    public void demonitorNodes(Pid watcher) {
        nodeWatchers.remove(watcher);
    }

    /**
     * Leaves: every other node goes down as seen from here (calls to them fail with
     * {@code noconnection}, monitors and links fire), and they become unreachable. Does not stop Hazelcast.
     */
    @Override
    public void close() {
        Transport.stop(distribution);
        if (hazelcast.getLifecycleService().isRunning()) {
            hazelcast.getCluster().removeMembershipListener(membershipListener);
        }
    }
}
