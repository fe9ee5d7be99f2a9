package io.otpspring.cluster.spring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.otpspring.cluster.Cluster;
import io.otpspring.cluster.registry.ClusterRegistry;

/**
 * The application's cluster-wide registry namespaces ({@code otp.cluster.registry.*}), started on
 * this node: inject it and pick a namespace.
 *
 * <pre>{@code
 * ClusterRegistry users = registries.get("default");
 * GenServer.call(users.via("alice"), "status");   // wherever alice runs
 * }</pre>
 */
public final class ClusterRegistries implements AutoCloseable {

    /** The namespace every application has. */
    public static final String DEFAULT_NAMESPACE = "default";

    private final Map<String, ClusterRegistry> registries;

    ClusterRegistries(Cluster cluster, Map<String, OtpClusterProperties.RegistryNamespace> namespaces) {
        Map<String, ClusterRegistry> started = new LinkedHashMap<>();
        namespaces.forEach((namespace, settings) ->
                started.put(namespace, ClusterRegistry.start(cluster, namespace, settings.getMode())));
        this.registries = started;
    }

    /**
     * The registry of {@code namespace}.
     *
     * @throws IllegalArgumentException when it is not configured
     */
    public ClusterRegistry get(String namespace) {
        ClusterRegistry registry = registries.get(namespace);
        if (registry == null) {
            throw new IllegalArgumentException("no cluster registry namespace '" + namespace
                    + "': configure it as otp.cluster.registry." + namespace + ".mode (known: " + registries.keySet() + ")");
        }
        return registry;
    }

    /** Every namespace. */
    public Collection<ClusterRegistry> all() {
        return List.copyOf(registries.values());
    }

    /** Frees this node's names in every namespace. */
    @Override
    public void close() {
        List<ClusterRegistry> reversed = new ArrayList<>(registries.values());
        Collections.reverse(reversed);
        reversed.forEach(ClusterRegistry::close);
    }
}
