package io.otpspring.cluster.spring;

import com.hazelcast.config.Config;
import io.otpspring.cluster.Cluster;
import io.otpspring.cluster.registry.ClusterRegistry;
import io.otpspring.core.process.Node;

/**
 * What every Hazelcast config of a node needs before its member starts: the node's member
 * attribute, serializers and failure detection timings, and the maps of the registry namespaces.
 */
final class ClusterConfigPreparer {

    private ClusterConfigPreparer() {
    }

    static void prepare(Config config, Node node, OtpClusterProperties properties) {
        Cluster.configure(config, node, properties.getFailureDetection().toFailureDetection());
        properties.registryNamespaces().forEach((namespace, settings) ->
                ClusterRegistry.configure(config, namespace, settings.getMode(), settings.quorumSizeFor(namespace)));
    }
}
