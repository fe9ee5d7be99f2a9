package io.otpspring.cluster.placement;

import java.util.Collection;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/** Where each node's {@link PlacementAgent} of a distributed supervisor is: by node name, in a map of its own. */
final class Agents {

    private final IMap<String, Pid> map;

    Agents(HazelcastInstance hazelcast, String supervisor) {
        this.map = hazelcast.getMap(Slots.PREFIX + supervisor + ".agents");
    }

    void register(String node, Pid agent) {
        map.set(node, agent);
    }

    void unregister(String node, Pid agent) {
        map.remove(node, agent);
    }

    /** Node {@code node}'s agent, or {@code null} when it runs none (yet). */
    @Nullable
    Pid of(String node) {
        return map.get(node);
    }

    Collection<Pid> all() {
        return map.values();
    }
}
