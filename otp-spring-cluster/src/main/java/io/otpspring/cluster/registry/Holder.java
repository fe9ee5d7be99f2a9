package io.otpspring.cluster.registry;

import java.io.Serializable;
import java.util.Comparator;

import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * Who holds a name, as stored in the namespace's map: the process (its node, the node's creation
 * and its id) and when it registered, by the cluster's clock. Plain fields, so the map's entry
 * processors and merge policy can carry and read it with Java serialization on any member.
 */
record Holder(String node, int creation, long id, long registeredAt) implements Serializable {

    /** The earlier registration first; the same instant ordered by node, creation and id. */
    static final Comparator<Holder> EARLIER_FIRST = Comparator.comparingLong(Holder::registeredAt)
            .thenComparing(Holder::node).thenComparingInt(Holder::creation).thenComparingLong(Holder::id);

    static Holder of(Pid pid, long registeredAt) {
        return new Holder(pid.node(), pid.creation(), pid.id(), registeredAt);
    }

    /** Whether both registrations are of the same process, whenever each was made. */
    boolean sameProcess(@Nullable Holder other) {
        return other != null && other.id == id && other.creation == creation && other.node.equals(node);
    }

    /** Whether the holder is a process of {@code local}, of any incarnation of that node. */
    boolean isOn(Node local) {
        return node.equals(local.name());
    }

    /** The holding process as {@code local} sees it, alive or not. */
    Pid pidOn(Node local) {
        return local.pid(node, creation, id);
    }
}
