package io.otpspring.cluster.registry;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import io.otpspring.cluster.transport.Members;
import io.otpspring.core.process.ExitListener;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * The names this node's processes hold in one namespace, each until its process exits (then
 * {@code onExit} frees it in the cluster), and the registrations under way; and so whether a
 * holder in the map is alive, as this node sees it.
 */
final class LocalNames {

    /** A name held by {@code pid}, registered as {@code holder}; {@code listener} watches its exit. */
    record Held(Holder holder, Pid pid, ExitListener listener) {
    }

    private final Node node;
    private final Members members;
    private final BiConsumer<String, Holder> onExit;
    private final Map<String, Held> byName = new ConcurrentHashMap<>();
    private final Map<Holder, Pid> claiming = new ConcurrentHashMap<>();

    LocalNames(Node node, Members members, BiConsumer<String, Holder> onExit) {
        this.node = node;
        this.members = members;
        this.onExit = onExit;
    }

    /**
     * The holder's process as this node sees it, or {@code null} when it no longer holds the
     * name: a process of this node that is dead or of an earlier incarnation of the node, or a
     * process of a node that is not connected. (A connected node frees its dead processes' names.)
     */
    @Nullable
    Pid live(String name, Holder holder) {
        if (!holder.isOn(node)) {
            return members.isConnected(holder.node()) ? holder.pidOn(node) : null;
        }
        if (holder.creation() != node.creation()) {
            return null;
        }
        Held held = byName.get(name);
        Pid pid = held != null && held.holder().sameProcess(holder) ? held.pid() : claiming.get(holder);
        // a process spawned under a via name registers before it is listed by id
        return pid != null ? (pid.isAlive() ? pid : null) : node.process(holder.id());
    }

    /** Marks {@code holder} as being registered for {@code pid}, until {@link #claimed}. */
    void claiming(Holder holder, Pid pid) {
        claiming.put(holder, pid);
    }

    void claimed(Holder holder) {
        claiming.remove(holder);
    }

    /**
     * Records that {@code pid} holds {@code name} as {@code holder}, until it exits or the name is
     * forgotten. Returns {@code false}, recording nothing, when the process has already exited.
     */
    boolean hold(String name, Holder holder, Pid pid) {
        Held current = byName.get(name);
        if (current != null && current.holder().sameProcess(holder)) {
            return true;
        }
        Held[] self = new Held[1];
        ExitListener listener = (dead, reason) -> {
            if (byName.remove(name, Objects.requireNonNull(self[0]))) {
                onExit.accept(name, holder);
            }
        };
        self[0] = new Held(holder, pid, listener);
        Held previous = byName.put(name, self[0]);
        if (previous != null) {
            node.removeExitListener(previous.pid(), previous.listener());
        }
        if (!node.addExitListener(pid, listener)) {
            byName.remove(name, self[0]);
            return false;
        }
        return true;
    }

    @Nullable
    Held get(String name) {
        return byName.get(name);
    }

    /** Forgets {@code name} if {@code held} is what holds it here; returns whether it did. */
    boolean forget(String name, Held held) {
        if (!byName.remove(name, held)) {
            return false;
        }
        node.removeExitListener(held.pid(), held.listener());
        return true;
    }

    /** The names held here now. */
    Map<String, Held> snapshot() {
        return Map.copyOf(byName);
    }
}
