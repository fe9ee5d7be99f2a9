package io.otpspring.cluster.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.hazelcast.cluster.InitialMembershipEvent;
import com.hazelcast.cluster.InitialMembershipListener;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import org.jspecify.annotations.Nullable;

/**
 * The otp nodes among the Hazelcast members, by node name: a member's name is its
 * {@value #NODE_ATTRIBUTE} attribute, which stays when a split-brain merge gives the member a
 * new UUID. Members without it (other Hazelcast users of the cluster) are not nodes.
 *
 * <p>A node is <em>connected</em> once it is a member and has greeted this one: a member is
 * visible before its node listens on its topic, and what is published there before that is lost.
 * The distribution greets each node that joins and answers greetings ({@link #greeted}).
 */
public final class Members implements InitialMembershipListener {

    /** The member attribute that holds a member's otp node name. */
    public static final String NODE_ATTRIBUTE = "otp.node";

    /** Told when a node connects or goes down; called on Hazelcast's event threads, so keep it short. */
    public interface Listener {

        /** {@code node} connected (joined, or came back after a split). */
        default void nodeUp(String node) {
        }

        /** {@code node} left: it died, hung past the failure detector's timeout, or was cut off. */
        default void nodeDown(String node) {
        }
    }

    private final String localName;
    private final Map<String, Member> byName = new ConcurrentHashMap<>();
    private final Map<UUID, String> byUuid = new ConcurrentHashMap<>();
    private final Set<String> greeted = ConcurrentHashMap.newKeySet();
    private final Set<String> connected = ConcurrentHashMap.newKeySet();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile Consumer<String> onJoin = node -> { };

    public Members(String localName) {
        this.localName = Objects.requireNonNull(localName, "localName");
        connected.add(localName);
    }

    /** This node's name. */
    public String localName() {
        return localName;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** Whether {@code node} is connected now (this node always is). */
    public boolean isConnected(String node) {
        return connected.contains(node);
    }

    /** The names of the nodes connected now, this one included. */
    public Set<String> names() {
        return Set.copyOf(connected);
    }

    /** The member that is node {@code node}, or {@code null}. */
    public @Nullable Member member(String node) {
        return byName.get(node);
    }

    /** The node name of {@code member}, or {@code null} when it is not an otp node. */
    public static @Nullable String nameOf(Member member) {
        return member.getAttribute(NODE_ATTRIBUTE);
    }

    /** Calls {@code greeter} for each other node that is a member now and for each that joins from now on. */
    void greetJoining(Consumer<String> greeter) {
        this.onJoin = greeter;
        byName.keySet().stream().filter(name -> !name.equals(localName)).forEach(greeter);
    }

    /** Node {@code node} greeted this one: it listens on its topic, and is connected once it is a member. */
    void greeted(String node) {
        List<Runnable> events = new ArrayList<>();
        synchronized (this) {
            greeted.add(node);
            connectIfReady(node, events);
        }
        events.forEach(Runnable::run);
    }

    /** Every other node goes down, as seen from here: this node leaves. */
    void leave() {
        List<Runnable> events = new ArrayList<>();
        synchronized (this) {
            Set.copyOf(connected).forEach(node -> {
                if (!node.equals(localName)) {
                    drop(node, events);
                }
            });
        }
        events.forEach(Runnable::run);
    }

    @Override
    public void init(InitialMembershipEvent event) {
        event.getMembers().forEach(this::added);
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        added(event.getMember());
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        List<Runnable> events = new ArrayList<>();
        synchronized (this) {
            String name = byUuid.remove(event.getMember().getUuid());
            if (name != null && byName.remove(name, event.getMember())) {
                drop(name, events);
            }
        }
        events.forEach(Runnable::run);
    }

    private void added(Member member) {
        String name = nameOf(member);
        if (name == null || name.equals(localName)) {
            if (name != null) {
                byName.put(name, member);
                byUuid.put(member.getUuid(), name);
            }
            return;
        }
        List<Runnable> events = new ArrayList<>();
        synchronized (this) {
            Member previous = byName.put(name, member);
            byUuid.put(member.getUuid(), name);
            if (previous != null && !previous.getUuid().equals(member.getUuid())) {
                // the same node under a new UUID (after a merge): down, then up once it greets again
                byUuid.remove(previous.getUuid());
                drop(name, events);
            }
            connectIfReady(name, events);
        }
        events.forEach(Runnable::run);
        onJoin.accept(name);
    }

    private void connectIfReady(String node, List<Runnable> events) {
        if (byName.containsKey(node) && greeted.contains(node) && connected.add(node)) {
            listeners.forEach(listener -> events.add(() -> listener.nodeUp(node)));
        }
    }

    private void drop(String node, List<Runnable> events) {
        greeted.remove(node);
        if (connected.remove(node)) {
            listeners.forEach(listener -> events.add(() -> listener.nodeDown(node)));
        }
    }
}
