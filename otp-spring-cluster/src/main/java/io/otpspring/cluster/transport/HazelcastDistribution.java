package io.otpspring.cluster.transport;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import com.hazelcast.topic.MessageListener;
import io.otpspring.core.genserver.Envelopes;
import io.otpspring.core.genserver.ReplyRoute;
import io.otpspring.core.process.Awaited;
import io.otpspring.core.process.DeadLetter;
import io.otpspring.core.process.Distribution;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.MonitorRef;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * Carries a node's messages to processes on other nodes over Hazelcast: each node listens on its
 * own topic ({@code otp.node.<name>}), and what one node publishes there arrives in the order it
 * was published. The listener only hands each signal to a local process (a send never blocks), so
 * one node's inbound signals need no thread of their own. Plain sends and casts are numbered and
 * acknowledged ({@link SendLedger}): those a node had not acknowledged when it goes down become
 * dead letters; calls fail with {@code noconnection} then.
 */
public final class HazelcastDistribution implements Distribution, Members.Listener, MessageListener<Signal> {

    private static final System.Logger LOG = System.getLogger(HazelcastDistribution.class.getName());
    private static final long ACKNOWLEDGE_EVERY_MILLIS = 100;

    private final Node node;
    private final HazelcastInstance hazelcast;
    private final Members members;
    private final Payloads payloads;
    private final RemoteCalls calls;
    private final RemoteMonitors monitors;
    private final RemoteLinks links;
    private final SendLedger sends;
    private final Acknowledgements acknowledgements;
    private final ScheduledExecutorService acknowledger;
    private final Map<String, ITopic<Signal>> topics = new ConcurrentHashMap<>();
    private @Nullable UUID subscription;

    HazelcastDistribution(Node node, HazelcastInstance hazelcast, Members members, Payloads payloads) {
        this.node = node;
        this.hazelcast = hazelcast;
        this.members = members;
        this.payloads = payloads;
        this.calls = new RemoteCalls(node.deadLetters());
        this.monitors = new RemoteMonitors(node, this::publish);
        this.links = new RemoteLinks(node, this::publish);
        this.sends = new SendLedger(node.deadLetters());
        this.acknowledgements = new Acknowledgements((other, number) -> publish(other, new Signal.Ack(number)));
        this.acknowledger = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("otp-acknowledger-" + node.name()).factory());
    }

    /** The topic node {@code name} listens on. */
    static String topicOf(String name) {
        return "otp.node." + name;
    }

    /**
     * Listens on this node's topic, installs itself on the node, and greets the other nodes, now
     * and as they join: each is connected once it greets back (see {@link Members}).
     */
    void start() {
        subscription = hazelcast.<Signal>getTopic(topicOf(members.localName())).addMessageListener(this);
        members.addListener(this);
        node.useDistribution(this);
        acknowledger.scheduleWithFixedDelay(acknowledgements::flush, ACKNOWLEDGE_EVERY_MILLIS, ACKNOWLEDGE_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
        members.greetJoining(other -> emit(other, new Signal.Hello(true)));
    }

    /**
     * Stops listening: every other node goes down as seen from here (calls to them fail, monitors
     * and links fire, unacknowledged sends become dead letters), and from now on they are
     * unreachable from this one.
     */
    void stop() {
        members.leave();
        node.useDistribution(Distribution.NONE);
        members.removeListener(this);
        acknowledger.shutdownNow();
        UUID id = subscription;
        if (id != null && hazelcast.getLifecycleService().isRunning()) {
            hazelcast.getTopic(topicOf(members.localName())).removeMessageListener(id);
        }
    }

    /** How many calls to other nodes wait for their answer. */
    int pendingCalls() {
        return calls.size();
    }

    // ---------------------------------------------------------------- Distribution

    @Override
    public boolean isConnected(String name) {
        return members.isConnected(name);
    }

    @Override
    public boolean send(Pid to, Object message) {
        if (!isConnected(to.node())) {
            return false;
        }
        if (Envelopes.isCall(message)) {
            long id = calls.add((Awaited) message, to);
            try {
                boolean sent = publish(to.node(), new Signal.CallRequest(id, members.localName(), to, Envelopes.contentOf(message)));
                if (!sent) {
                    calls.forget(id);
                }
                return sent;
            }
            catch (NotSerializableException refused) {
                calls.forget(id);
                ((Awaited) message).fail(refused);
                return true;
            }
        }
        boolean cast = Envelopes.isCast(message);
        try {
            Object payload = cast ? Envelopes.contentOf(message) : message;
            return sends.send(to, message, number -> publish(to.node(), new Signal.Send(to, cast, payload, number)));
        }
        catch (NotSerializableException refused) {
            LOG.log(System.Logger.Level.WARNING, refused.getMessage());
            node.deadLetters().publish(new DeadLetter(to, message, DeadLetter.Cause.NOT_SERIALIZABLE));
            return true;
        }
    }

    @Override
    public void link(Pid local, Pid remote) {
        links.link(local, remote);
    }

    @Override
    public void unlink(Pid local, Pid remote) {
        links.unlink(local, remote);
    }

    @Override
    public void monitor(MonitorRef ref) {
        monitors.monitor(ref);
    }

    @Override
    public void demonitor(MonitorRef ref) {
        monitors.demonitor(ref);
    }

    @Override
    public void exit(@Nullable Pid from, Pid to, ExitReason reason) {
        publish(to.node(), new Signal.ExitSignal(from, to, reason, false));
    }

    // ---------------------------------------------------------------- inbound

    @Override
    public void onMessage(Message<Signal> message) {
        try {
            String from = Members.nameOf(message.getPublishingMember());
            Signal signal = message.getMessageObject();
            if (signal instanceof Signal.Hello hello && from != null) {
                if (hello.answer()) {
                    // answered before it counts as connected here, so the answer goes out before anything else
                    emit(from, new Signal.Hello(false));
                }
                members.greeted(from);
            }
            else if (from != null && members.isConnected(from)) {
                receive(signal, from);
            }
            else {
                // from a node that is down as seen from here: what it asked for would never be cleaned up
                LOG.log(System.Logger.Level.DEBUG, () -> "dropped " + signal + " from " + from + ", which is not connected");
            }
        }
        catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "could not handle a signal from another node", failure);
        }
    }

    private void receive(Signal signal, String from) {
        switch (signal) {
            case Signal.Send send -> {
                if (send.payload() instanceof Payloads.Undecodable unreadable) {
                    LOG.log(System.Logger.Level.WARNING, "a message for " + send.to() + " from " + from + " was lost: "
                            + unreadable.reason());
                    node.deadLetters().publish(new DeadLetter(send.to(), unreadable, DeadLetter.Cause.NOT_SERIALIZABLE));
                }
                else {
                    send.to().send(send.cast() ? Envelopes.cast(send.payload()) : send.payload());
                }
                acknowledgements.received(from, send.number());
            }
            case Signal.Ack ack -> sends.acknowledged(from, ack.number());
            case Signal.Hello hello -> members.greeted(from);
            case Signal.CallRequest call when call.request() instanceof Payloads.Undecodable unreadable ->
                    new Route(call).fail(new NotSerializableException(unreadable.reason()));
            case Signal.CallRequest call -> call.to().send(Envelopes.call(call.request(), new Route(call)));
            case Signal.CallReply reply when reply.value() instanceof Payloads.Undecodable unreadable ->
                    calls.unreadable(reply.callId(), new NotSerializableException(unreadable.reason()));
            case Signal.CallReply reply -> calls.replied(reply.callId(), reply.value());
            case Signal.CallFailed failed -> calls.failed(failed.callId(), failed.server(), failed.reason());
            case Signal.ExitSignal exit when exit.viaLink() && exit.from() != null ->
                    links.partnerExited(exit.from(), exit.to(), exit.reason());
            case Signal.ExitSignal exit -> node.signalExit(exit.to(), exit.from(), exit.reason(), false);
            case Signal.Link link -> links.linkedFrom(link.remote(), link.local());
            case Signal.Unlink unlink -> links.unlinkedFrom(unlink.remote(), unlink.local());
            case Signal.Monitor monitor -> monitors.watchedBy(monitor.ref(), monitor.watcher(), monitor.target());
            case Signal.Demonitor demonitor -> monitors.unwatched(demonitor.ref(), demonitor.watcher(), demonitor.target());
            case Signal.MonitorDown down -> monitors.down(down.ref(), down.reason());
        }
    }

    /** Takes the outcome of a call from another node back to its caller's node. */
    private final class Route implements ReplyRoute {

        private final Signal.CallRequest call;

        Route(Signal.CallRequest call) {
            this.call = call;
        }

        @Override
        public void reply(@Nullable Object value) {
            try {
                publish(call.replyTo(), new Signal.CallReply(call.callId(), value));
            }
            catch (NotSerializableException refused) {
                fail(refused);
            }
        }

        @Override
        public void fail(RuntimeException error) {
            ExitReason reason = error instanceof ExitException exit ? exit.reason() : ExitReason.crash(error);
            Pid server = error instanceof ExitException exit && exit.pid() != null ? exit.pid() : call.to();
            publish(call.replyTo(), new Signal.CallFailed(call.callId(), server, reason));
        }
    }

    // ---------------------------------------------------------------- membership

    @Override
    public void nodeDown(String name) {
        sends.nodeDown(name);
        acknowledgements.nodeDown(name);
        calls.nodeDown(name);
        monitors.nodeDown(name);
        links.nodeDown(name);
    }

    // ---------------------------------------------------------------- outbound

    /**
     * Publishes {@code signal} on node {@code name}'s topic; a message Hazelcast cannot serialize
     * goes as JSON. Returns whether it went out: a send or call that did not is then the node's to
     * count or fail; anything else is logged (its waiters learn of the node going down).
     *
     * @throws NotSerializableException when neither Hazelcast nor JSON can carry its message
     */
    private boolean publish(String name, Signal signal) {
        return members.isConnected(name) && emit(name, signal);
    }

    /** Publishes {@code signal} on node {@code name}'s topic, connected or not; see {@link #publish}. */
    private boolean emit(String name, Signal signal) {
        ITopic<Signal> topic = topics.computeIfAbsent(name, n -> hazelcast.getTopic(topicOf(n)));
        try {
            topic.publish(payloads.goesAsJson(payloadOf(signal)) ? asJson(signal) : signal);
            return true;
        }
        catch (NotSerializableException refused) {
            throw refused;
        }
        catch (HazelcastSerializationException refused) {
            Object payload = payloadOf(signal);
            LOG.log(System.Logger.Level.INFO, () -> "Hazelcast cannot serialize " + (payload == null ? null : payload.getClass())
                    + ", so it goes to other nodes as JSON: " + refused.getMessage());
            return publishAsJson(topic, signal, refused);
        }
        catch (RuntimeException failure) {
            undeliverable(signal, failure);
            return false;
        }
    }

    private boolean publishAsJson(ITopic<Signal> topic, Signal signal, HazelcastSerializationException refused) {
        Signal asJson = asJson(signal);
        try {
            topic.publish(asJson);
            return true;
        }
        catch (RuntimeException failure) {
            failure.addSuppressed(refused);
            undeliverable(signal, failure);
            return false;
        }
    }

    private void undeliverable(Signal signal, RuntimeException failure) {
        LOG.log(System.Logger.Level.WARNING, "could not send " + signal + " to another node", failure);
    }

    private static @Nullable Object payloadOf(Signal signal) {
        return switch (signal) {
            case Signal.Send send -> send.payload();
            case Signal.CallRequest call -> call.request();
            case Signal.CallReply reply -> reply.value();
            default -> null;
        };
    }

    private Signal asJson(Signal signal) {
        return switch (signal) {
            case Signal.Send send -> new Signal.Send(send.to(), send.cast(), Objects.requireNonNull(payloads.asJson(send.payload())),
                    send.number());
            case Signal.CallRequest call -> new Signal.CallRequest(call.callId(), call.replyTo(), call.to(),
                    Objects.requireNonNull(payloads.asJson(call.request())));
            case Signal.CallReply reply -> new Signal.CallReply(reply.callId(), payloads.asJson(reply.value()));
            default -> signal;
        };
    }
}
