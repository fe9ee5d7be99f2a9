package io.otpspring.cluster.transport;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import org.jspecify.annotations.Nullable;

/**
 * The otp nodes among the Hazelcast members, by node name: a member's name is its
 * {@value #NODE_ATTRIBUTE} attribute, which stays when a split-brain merge gives the member a
 * new UUID. Members without it (other Hazelcast users of the cluster) are not nodes.
 */
public final class Members implements MembershipListener {

    /** The member attribute that holds a member's otp node name. */
    public static final String NODE_ATTRIBUTE = "otp.node";

    /** Told when a node joins or leaves; called on Hazelcast's event thread, so keep it short. */
    public interface Listener {

        /** {@code node} joined (or came back after a split). */
        default void nodeUp(String node) {
        }

        /** {@code node} left: it died, hung past the failure detector's timeout, or was cut off. */
        default void nodeDown(String node) {
        }
    }

    private final String localName;
    private final Map<String, Member> byName = new ConcurrentHashMap<>();
    private final Map<UUID, String> byUuid = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public Members(String localName) {
        this.localName = Objects.requireNonNull(localName, "localName");
    }

    /** This node's name. */
    public String localName() {
        return localName;
    }

    /** Takes the members present now; call once, right after subscribing to membership events. */
    public void seed(Set<Member> members) {
        members.forEach(this::added);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** Whether {@code node} is a member now (this node always is). */
    public boolean isConnected(String node) {
        return byName.containsKey(node);
    }

    /** The names of the nodes connected now, this one included. */
    public Set<String> names() {
        return Set.copyOf(byName.keySet());
    }

    /** The member that is node {@code node}, or {@code null}. */
    public @Nullable Member member(String node) {
        return byName.get(node);
    }

    /** The node name of {@code member}, or {@code null} when it is not an otp node. */
    public static @Nullable String nameOf(Member member) {
        return member.getAttribute(NODE_ATTRIBUTE);
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        added(event.getMember());
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        String name = byUuid.remove(event.getMember().getUuid());
        if (name == null || !byName.remove(name, event.getMember())) {
            return;
        }
        for (Listener listener : listeners) {
            listener.nodeDown(name);
        }
    }

    private void added(Member member) {
        String name = nameOf(member);
        if (name == null) {
            return;
        }
        byUuid.put(member.getUuid(), name);
        Member previous = byName.put(name, member);
        if (previous != null && !previous.getUuid().equals(member.getUuid())) {
            byUuid.remove(previous.getUuid());
            // the same node under a new UUID (after a merge): down, then up
            for (Listener listener : listeners) {
                listener.nodeDown(name);
            }
        }
        if (previous == null || !previous.getUuid().equals(member.getUuid())) {
            for (Listener listener : listeners) {
                listener.nodeUp(name);
            }
        }
    }
}
