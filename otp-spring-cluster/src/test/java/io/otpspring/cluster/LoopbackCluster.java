package io.otpspring.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.PartitionService;
import com.hazelcast.test.HazelcastTestSupport;
import com.hazelcast.test.SplitBrainTestSupport;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.otpspring.core.process.Node;

import static org.awaitility.Awaitility.await;

/**
 * Real Hazelcast members in this JVM, each with its own node, and a cluster name no other test
 * shares. By default they talk TCP on 127.0.0.1: TCP-IP join on a port range of their own (from
 * {@code -Dotp.test.port-base}, 17100 by default), multicast and auto-detection off. A
 * {@linkplain #splittable splittable} cluster talks over Hazelcast's in-memory test network
 * instead, which can cut members off from each other and heal them, as a network partition would.
 * A member in another JVM joins a TCP cluster with {@link #join(String, int, FailureDetection, String)}
 * and this cluster's {@link #name()}, {@link #basePort()} and {@link #failureDetection()}.
 */
public final class LoopbackCluster implements AutoCloseable {

    private static final AtomicInteger PORT_RANGES = new AtomicInteger();
    private static final int PORTS = 6;

    private final String name;
    private final int basePort;
    private final FailureDetection failureDetection;
    private final TestHazelcastInstanceFactory testNetwork;
    private final List<Member> members = new ArrayList<>();
    private final List<Cut> cuts = new ArrayList<>();

    /** One started node of the cluster. */
    public record Member(Node node, HazelcastInstance hazelcast, Cluster cluster) {

        public String name() {
            return node.name();
        }

        /** Ends this member at once, as a crashed JVM would, without telling the others. */
        public void crash() {
            hazelcast.getLifecycleService().terminate();
            node.close();
        }

        /**
         * The first of {@code prefix-0}, {@code prefix-1}... whose partition this member owns (keeps
         * the first copy of), once the cluster has assigned its partitions.
         */
        public String keyOwnedHere(String prefix) {
            PartitionService partitions = hazelcast.getPartitionService();
            await().atMost(Duration.ofSeconds(30)).until(partitions::isClusterSafe);
            for (int i = 0; ; i++) {
                com.hazelcast.cluster.Member owner = partitions.getPartition(prefix + "-" + i).getOwner();
                if (owner != null && owner.localMember()) {
                    return prefix + "-" + i;
                }
            }
        }
    }

    /** Two members that cannot reach each other. */
    private record Cut(HazelcastInstance one, HazelcastInstance other) {
    }

    public LoopbackCluster(String name) {
        this(name, FailureDetection.DEFAULTS);
    }

    public LoopbackCluster(String name, FailureDetection failureDetection) {
        this(name, failureDetection, null);
    }

    private LoopbackCluster(String name, FailureDetection failureDetection, TestHazelcastInstanceFactory testNetwork) {
        this.name = name + "-" + ProcessHandle.current().pid() + "-" + PORT_RANGES.get();
        this.basePort = Integer.getInteger("otp.test.port-base", 17100) + PORTS * (PORT_RANGES.getAndIncrement() % 300);
        this.failureDetection = failureDetection;
        this.testNetwork = testNetwork;
    }

    /** A cluster on Hazelcast's in-memory test network, whose members {@link #split} and {@link #heal} can part and rejoin. */
    public static LoopbackCluster splittable(String name, FailureDetection failureDetection) {
        return new LoopbackCluster(name, failureDetection, new TestHazelcastInstanceFactory());
    }

    /** The Hazelcast cluster name its members share. */
    public String name() {
        return name;
    }

    /** The first port of its range. */
    public int basePort() {
        return basePort;
    }

    public FailureDetection failureDetection() {
        return failureDetection;
    }

    /**
     * Starts a node named {@code nodeName} and its member of the TCP cluster {@code clusterName}
     * (ports from {@code basePort}), and joins them: for a member in another JVM.
     */
    public static Member join(String clusterName, int basePort, FailureDetection failureDetection, String nodeName) {
        Node node = Node.start(nodeName);
        Config config = config(clusterName, basePort, nodeName);
        Cluster.configure(config, node, failureDetection);
        HazelcastInstance hazelcast = Hazelcast.newHazelcastInstance(config);
        return new Member(node, hazelcast, Cluster.join(node, hazelcast));
    }

    /** Starts a member for a node named {@code nodeName}; {@link #close()} ends it. */
    public Member start(String nodeName) {
        return start(nodeName, config -> { });
    }

    /** Starts a member for a node named {@code nodeName}, its Hazelcast config completed by {@code customizer}. */
    public Member start(String nodeName, Consumer<Config> customizer) {
        Node node = Node.start(nodeName);
        Config config = testNetwork == null ? config(name, basePort, nodeName) : baseConfig(name, nodeName);
        Cluster.configure(config, node, failureDetection);
        customizer.accept(config);
        HazelcastInstance hazelcast = testNetwork == null ? Hazelcast.newHazelcastInstance(config) : testNetwork.newHazelcastInstance(config);
        Member member = new Member(node, hazelcast, Cluster.join(node, hazelcast));
        members.add(member);
        return member;
    }

    /** Cuts {@code side} off from the other members: neither side reaches the other until {@link #heal}. */
    public void split(Member... side) {
        if (testNetwork == null) {
            throw new IllegalStateException("only a splittable cluster can be split");
        }
        List<Member> inside = List.of(side);
        for (Member in : inside) {
            for (Member out : members) {
                if (!inside.contains(out)) {
                    SplitBrainTestSupport.blockCommunicationBetween(in.hazelcast(), out.hazelcast());
                    HazelcastTestSupport.closeConnectionBetween(in.hazelcast(), out.hazelcast());
                    cuts.add(new Cut(in.hazelcast(), out.hazelcast()));
                }
            }
        }
    }

    /** Lets the members cut off by {@link #split} reach each other again: Hazelcast then merges the sides. */
    public void heal() {
        cuts.forEach(cut -> SplitBrainTestSupport.unblockCommunicationBetween(cut.one(), cut.other()));
        cuts.clear();
    }

    private static Config config(String clusterName, int basePort, String nodeName) {
        Config config = baseConfig(clusterName, nodeName);
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

    private static Config baseConfig(String clusterName, String nodeName) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setInstanceName(clusterName + "-" + nodeName);
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        return config;
    }

    @Override
    public void close() {
        for (Member member : members) {
            member.cluster().close();
            member.hazelcast().getLifecycleService().terminate();
            member.node().close();
        }
        if (testNetwork != null) {
            testNetwork.terminateAll();
        }
    }
}
