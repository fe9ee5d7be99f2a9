package io.otpspring.cluster.transport;

import com.hazelcast.config.Config;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.core.HazelcastInstance;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import tools.jackson.databind.json.JsonMapper;

/** Sets Hazelcast up to carry a node's signals, and starts and stops the node's distribution. */
public final class Transport {

    private static final String REMOTE_PID_CLASS = "io.otpspring.core.process.RemotePid";

    private Transport() {
    }

    /**
     * Registers the serializers for the signals between nodes and for pids (which may travel in
     * users' messages and cluster maps), on a Hazelcast config that is not yet in use.
     */
    public static void configure(Config config, Node node, JsonMapper json) {
        ClassLoader classLoader = config.getClassLoader() != null ? config.getClassLoader() : Transport.class.getClassLoader();
        Payloads payloads = new Payloads(node, json, classLoader);
        config.getSerializationConfig()
                .addSerializerConfig(new SerializerConfig().setTypeClass(Signal.class)
                        .setImplementation(new SignalSerializer(node, payloads)))
                .addSerializerConfig(new SerializerConfig().setTypeClass(Pid.class)
                        .setImplementation(new PidSerializer(node)))
                .addSerializerConfig(new SerializerConfig().setTypeClassName(REMOTE_PID_CLASS)
                        .setImplementation(new PidSerializer(node)));
    }

    /** Starts carrying {@code node}'s messages to other nodes over {@code hazelcast}. */
    public static HazelcastDistribution start(Node node, HazelcastInstance hazelcast, Members members, JsonMapper json) {
        HazelcastDistribution distribution = new HazelcastDistribution(node, hazelcast, members,
                new Payloads(node, json, Transport.class.getClassLoader()));
        distribution.start();
        return distribution;
    }

    /** Stops {@code distribution}: other nodes become unreachable from its node. */
    public static void stop(HazelcastDistribution distribution) {
        distribution.stop();
    }
}
