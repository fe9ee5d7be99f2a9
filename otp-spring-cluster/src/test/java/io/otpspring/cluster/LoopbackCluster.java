package io.otpspring.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.otpspring.core.process.Node;

/**
 * Real Hazelcast members on 127.0.0.1 in this JVM, each with its own node: TCP-IP join on a port
 * range of its own (from {@code -Dotp.test.port-base}, 17100 by default), multicast and
 * auto-detection off, a cluster name no other test shares.
 */
final class LoopbackCluster implements AutoCloseable {

    private static final AtomicInteger PORT_RANGES = new AtomicInteger();
    private static final int PORTS = 6;

    private final String name;
    private final int basePort;
    private final FailureDetection failureDetection;
    private final List<Member> members = new ArrayList<>();

    /** One started node of the cluster. */
    record Member(Node node, HazelcastInstance hazelcast, Cluster cluster) {

        String name() {
            return node.name();
        }

        /** Ends this member at once, as a crashed JVM would, without telling the others. */
        void crash() {
            hazelcast.getLifecycleService().terminate();
            node.close();
        }
    }

    LoopbackCluster(String name) {
        this(name, FailureDetection.DEFAULTS);
    }

    LoopbackCluster(String name, FailureDetection failureDetection) {
        this.name = name + "-" + ProcessHandle.current().pid() + "-" + PORT_RANGES.get();
        this.basePort = Integer.getInteger("otp.test.port-base", 17100) + PORTS * (PORT_RANGES.getAndIncrement() % 300);
        this.failureDetection = failureDetection;
    }

    /** Starts a member for a node named {@code nodeName}. */
    Member start(String nodeName) {
        Node node = Node.start(nodeName);
        Config config = config(name, basePort, nodeName);
        Cluster.configure(config, node, failureDetection);
        HazelcastInstance hazelcast = Hazelcast.newHazelcastInstance(config);
        Member member = new Member(node, hazelcast, Cluster.join(node, hazelcast));
        members.add(member);
        return member;
    }

    static Config config(String clusterName, int basePort, String nodeName) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setInstanceName(clusterName + "-" + nodeName);
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(basePort).setPortAutoIncrement(true).setPortCount(PORTS);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        for (int port = basePort; port < basePort + PORTS; port++) {
            join.getTcpIpConfig().addMember("127.0.0.1:" + port);
        }
        return config;
    }

    @Override
    public void close() {
        for (Member member : members) {
            member.cluster().close();
            member.hazelcast().getLifecycleService().terminate();
            member.node().close();
        }
    }
}
