package io.otpspring.cluster.registry;

import java.util.Map;

import com.hazelcast.query.Predicate;

/** The names held by processes of {@code node}, selected on the members that own them. */
record OfNode(String node) implements Predicate<String, Holder> {

    @Override
    public boolean apply(Map.Entry<String, Holder> entry) {
        return node.equals(entry.getValue().node());
    }
}
