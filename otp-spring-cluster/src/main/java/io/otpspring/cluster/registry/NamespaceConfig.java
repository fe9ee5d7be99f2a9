package io.otpspring.cluster.registry;

import java.util.Objects;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.spi.merge.PutIfAbsentMergePolicy;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionOn;

/** What a namespace needs in the Hazelcast config: its map's merge policy, and for a quorum its protection. */
final class NamespaceConfig {

    private static final String PREFIX = "otp.registry.";

    private NamespaceConfig() {
    }

    /** The name of the namespace's map, and of its split-brain protection. */
    static String mapName(String namespace) {
        return PREFIX + namespace;
    }

    static void apply(Config config, String namespace, ConflictMode mode, int quorumSize) {
        Objects.requireNonNull(config, "config");
        requireNamespace(namespace);
        String name = mapName(namespace);
        MapConfig map = config.getMapConfig(name);
        switch (Objects.requireNonNull(mode, "mode")) {
            case QUORUM -> {
                if (quorumSize < 2) {
                    throw new IllegalArgumentException("a quorum needs at least 2 members, was " + quorumSize);
                }
                config.addSplitBrainProtectionConfig(new SplitBrainProtectionConfig(name, true, quorumSize)
                        .setProtectOn(SplitBrainProtectionOn.WRITE));
                map.setSplitBrainProtectionName(name);
                map.getMergePolicyConfig().setPolicy(PutIfAbsentMergePolicy.class.getName());
            }
            case RESOLVE_AFTER_MERGE -> {
                map.setSplitBrainProtectionName(null);
                map.getMergePolicyConfig().setPolicy(EarlierRegistrationWins.class.getName());
            }
        }
    }

    /**
     * Checks that {@code hazelcast} started with {@link #apply}'s settings for {@code namespace} in
     * {@code mode}; returns the quorum (0 without one).
     *
     * @throws IllegalStateException when it did not
     */
    static int check(HazelcastInstance hazelcast, String namespace, ConflictMode mode) {
        requireNamespace(namespace);
        Config config = hazelcast.getConfig();
        String name = mapName(namespace);
        MapConfig map = config.findMapConfig(name);
        String policy = mode == ConflictMode.QUORUM ? PutIfAbsentMergePolicy.class.getName() : EarlierRegistrationWins.class.getName();
        SplitBrainProtectionConfig protection = map.getSplitBrainProtectionName() == null ? null
                : config.getSplitBrainProtectionConfigs().get(map.getSplitBrainProtectionName());
        boolean quorum = protection != null && protection.isEnabled();
        if (!policy.equals(map.getMergePolicyConfig().getPolicy()) || quorum != (mode == ConflictMode.QUORUM)) {
            throw new IllegalStateException("the Hazelcast config was not prepared for registry '" + namespace + "' in mode "
                    + mode + ": call ClusterRegistry.configure on it before the instance starts");
        }
        return quorum ? protection.getMinimumClusterSize() : 0;
    }

    private static void requireNamespace(String namespace) {
        if (Objects.requireNonNull(namespace, "namespace").isBlank()) {
            throw new IllegalArgumentException("a namespace must not be blank");
        }
    }
}
