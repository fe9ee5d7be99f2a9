package io.otpspring.core.registry;

import java.util.Objects;

/**
 * How to create a {@link Registry}, as the options of Elixir's {@code Registry.start_link}.
 * Start from {@link #unique} or {@link #duplicate}, then refine with {@link #withPartitions}.
 *
 * @param namespace the registry's name: {@link Registry#DEFAULT_NAMESPACE} for the
 *                  application-wide one, one per tenant, one per test
 * @param keys unique or duplicate keys
 * @param partitions how many partitions duplicate keys are spread over, by the hash of the pid
 *                   (as Elixir does), so that processes registering the same key seldom contend;
 *                   unique keys are kept in one {@code ConcurrentHashMap}, whose per-bin locks
 *                   already let registrations of different keys proceed in parallel, so this
 *                   number does not apply to them
 */
public record RegistrySpec(String namespace, Keys keys, int partitions) {

    public RegistrySpec {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(keys, "keys");
        if (namespace.isBlank()) {
            throw new IllegalArgumentException("a registry namespace must not be blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("a registry needs at least one partition, not " + partitions);
        }
    }

    /** A registry of unique keys in {@code namespace}, one partition per available processor. */
    public static RegistrySpec unique(String namespace) {
        return new RegistrySpec(namespace, Keys.UNIQUE, Runtime.getRuntime().availableProcessors());
    }

    /** A registry of duplicate keys in {@code namespace}, one partition per available processor. */
    public static RegistrySpec duplicate(String namespace) {
        return new RegistrySpec(namespace, Keys.DUPLICATE, Runtime.getRuntime().availableProcessors());
    }

    /** The same, with {@code partitions} partitions. */
    public RegistrySpec withPartitions(int partitions) {
        return new RegistrySpec(namespace, keys, partitions);
    }
}
