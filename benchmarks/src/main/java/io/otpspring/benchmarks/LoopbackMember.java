package io.otpspring.benchmarks;

import com.hazelcast.cluster.Address;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.otpspring.cluster.Cluster;
import io.otpspring.cluster.FailureDetection;
import io.otpspring.core.process.Node;
import org.jspecify.annotations.Nullable;

/**
 * A node and its Hazelcast member on 127.0.0.1, joined, for the benchmarks that run a cluster in
 * one JVM: real TCP between the members, TCP-IP join, multicast and auto-detection off, the
 * cluster's default failure detection. Each benchmark class takes a port range of its own, so
 * that two of them never join each other's members.
 */
record LoopbackMember(Node node, HazelcastInstance hazelcast, Cluster cluster) implements AutoCloseable {

    /** How many ports a benchmark's range holds: its first free one is taken. */
    static final int PORTS = 100;

    /**
     * Starts node {@code name} on the first free port from {@code basePort}; it joins the member at
     * {@code join}, or waits for others when {@code null}.
     */
    static LoopbackMember start(String clusterName, String name, int basePort, @Nullable Address join) {
        Node node = Node.start(name);
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setInstanceName(clusterName + "-" + name);
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "none");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(basePort).setPortAutoIncrement(true).setPortCount(PORTS);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig joining = network.getJoin();
        joining.getMulticastConfig().setEnabled(false);
        joining.getAutoDetectionConfig().setEnabled(false);
        joining.getTcpIpConfig().setEnabled(true);
        if (join != null) {
            joining.getTcpIpConfig().addMember(join.getHost() + ":" + join.getPort());
        }
        Cluster.configure(config, node, FailureDetection.DEFAULTS);
        HazelcastInstance hazelcast = Hazelcast.newHazelcastInstance(config);
        return new LoopbackMember(node, hazelcast, Cluster.join(node, hazelcast));
    }

    /** This member's address, for others to join. */
    Address address() {
        return hazelcast.getCluster().getLocalMember().getAddress();
    }

    /** Ends this member at once, as a killed JVM would: no goodbye to the others, its connections close. */
    void crash() {
        hazelcast.getLifecycleService().terminate();
        node.close();
    }

    @Override
    public void close() {
        cluster.close();
        hazelcast.getLifecycleService().terminate();
        node.close();
    }
}
