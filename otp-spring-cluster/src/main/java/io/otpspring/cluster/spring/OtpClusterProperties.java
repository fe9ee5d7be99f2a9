package io.otpspring.cluster.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.otpspring.cluster.FailureDetection;
import io.otpspring.cluster.registry.ConflictMode;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Configuration of the cluster a node joins ({@code otp.cluster.*}). */
@ConfigurationProperties(prefix = "otp.cluster")
public class OtpClusterProperties {

    /** Whether this node joins a cluster when otp-spring-cluster is on the class path. */
    private boolean enabled = true;

    /**
     * Name of the Hazelcast cluster; members with another name never join. Defaults to
     * spring.application.name, or "otp". Used when otp-spring makes the Hazelcast config (no
     * Config bean and no hazelcast.yaml/xml).
     */
    private @Nullable String name;

    /** Port the member listens on (the next free one of port-count ports from it). */
    private int port = 5701;

    /** How many ports from port the member tries. */
    private int portCount = 10;

    /** Addresses of members to join ("host" or "host:port"); each host's port range is tried. */
    private List<String> members = new ArrayList<>(List.of("127.0.0.1"));

    /**
     * Smallest number of connected nodes that makes a quorum; below it the otpCluster health
     * contributor reports DOWN. None by default: any number of nodes is healthy.
     */
    private @Nullable Integer quorumSize;

    private final FailureDetectionSettings failureDetection = new FailureDetectionSettings();

    /**
     * Cluster-wide registry namespaces, by name. The "default" namespace
     * (resolve-after-merge) is there unless configured otherwise.
     */
    private final Map<String, RegistryNamespace> registry = new LinkedHashMap<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public int getPortCount() {
        return portCount;
    }

    public void setPortCount(int portCount) {
        this.portCount = portCount;
    }

    public List<String> getMembers() {
        return members;
    }

    public void setMembers(List<String> members) {
        this.members = members;
    }

    public @Nullable Integer getQuorumSize() {
        return quorumSize;
    }

    public void setQuorumSize(@Nullable Integer quorumSize) {
        this.quorumSize = quorumSize;
    }

    public FailureDetectionSettings getFailureDetection() {
        return failureDetection;
    }

    public Map<String, RegistryNamespace> getRegistry() {
        return registry;
    }

    /** The registry namespaces to start: the configured ones, and "default" unless configured. */
    Map<String, RegistryNamespace> registryNamespaces() {
        Map<String, RegistryNamespace> namespaces = new LinkedHashMap<>();
        namespaces.put(ClusterRegistries.DEFAULT_NAMESPACE, new RegistryNamespace());
        namespaces.putAll(registry);
        return namespaces;
    }

    /** One cluster-wide registry namespace. */
    public static class RegistryNamespace {

        /** What the namespace does about a split brain: quorum, or resolve-after-merge (Erlang's :global). */
        private ConflictMode mode = ConflictMode.RESOLVE_AFTER_MERGE;

        /** With mode quorum: the fewest members that may change names (at least 2; a majority of the cluster). */
        private @Nullable Integer quorumSize;

        public ConflictMode getMode() {
            return mode;
        }

        public void setMode(ConflictMode mode) {
            this.mode = mode;
        }

        public @Nullable Integer getQuorumSize() {
            return quorumSize;
        }

        public void setQuorumSize(@Nullable Integer quorumSize) {
            this.quorumSize = quorumSize;
        }

        /** The quorum size to configure: required in quorum mode, unused otherwise. */
        int quorumSizeFor(String namespace) {
            if (mode != ConflictMode.QUORUM) {
                return 0;
            }
            if (quorumSize == null) {
                throw new IllegalStateException("otp.cluster.registry." + namespace
                        + ".quorum-size is required with mode quorum (a majority of the cluster, such as 2 of 3)");
            }
            return quorumSize;
        }
    }

    /** How fast a hung or cut-off node is declared down. */
    public static class FailureDetectionSettings {

        /** How often members send heartbeats (whole seconds). */
        private Duration heartbeatInterval = FailureDetection.DEFAULTS.heartbeatInterval();

        /** How long without a heartbeat before a member is declared down (whole seconds). */
        private Duration maxNoHeartbeat = FailureDetection.DEFAULTS.maxNoHeartbeat();

        /** How long after a split the sides look for each other to merge, and how often after that. */
        private Duration mergeDelay = FailureDetection.DEFAULTS.mergeDelay();

        public Duration getHeartbeatInterval() {
            return heartbeatInterval;
        }

        public void setHeartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = heartbeatInterval;
        }

        public Duration getMaxNoHeartbeat() {
            return maxNoHeartbeat;
        }

        public void setMaxNoHeartbeat(Duration maxNoHeartbeat) {
            this.maxNoHeartbeat = maxNoHeartbeat;
        }

        public Duration getMergeDelay() {
            return mergeDelay;
        }

        public void setMergeDelay(Duration mergeDelay) {
            this.mergeDelay = mergeDelay;
        }

        FailureDetection toFailureDetection() {
            return new FailureDetection(heartbeatInterval, maxNoHeartbeat, mergeDelay);
        }
    }
}
