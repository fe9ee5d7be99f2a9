package io.otpspring.cluster.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongPredicate;

import io.otpspring.core.process.DeadLetter;
import io.otpspring.core.process.DeadLetters;
import io.otpspring.core.process.Pid;

/**
 * The plain sends and casts this node published to each other node, numbered, until that node
 * acknowledges them. A topic publish carries no acknowledgement: a message on its way to a node
 * that dies is gone. What the node had not acknowledged when it goes down becomes a dead letter
 * ({@code NO_CONNECTION}), so nothing sent is lost without a trace; a message the dead node
 * received but had not yet acknowledged is counted too.
 */
final class SendLedger {

    private final DeadLetters deadLetters;
    private final Map<String, Outgoing> outgoing = new ConcurrentHashMap<>();

    SendLedger(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /**
     * Numbers a message for {@code to} and hands the number to {@code publish}, under the lock of
     * {@code to}'s node, so that numbers go out in order; a message {@code publish} refuses (returns false for)
     * is forgotten again.
     */
    boolean send(Pid to, Object message, LongPredicate publish) {
        Outgoing queue = outgoing.computeIfAbsent(to.node(), node -> new Outgoing());
        synchronized (queue) {
            long number = ++queue.last;
            queue.unacknowledged.put(number, new Unacknowledged(to, message));
            boolean sent = false;
            try {
                sent = publish.test(number);
                return sent;
            }
            finally {
                if (!sent) {
                    queue.unacknowledged.remove(number);
                }
            }
        }
    }

    /** Node {@code node} received every message up to {@code number}. */
    void acknowledged(String node, long number) {
        Outgoing queue = outgoing.get(node);
        if (queue != null) {
            queue.unacknowledged.headMap(number, true).clear();
        }
    }

    /** Node {@code node} went down: what it had not acknowledged becomes dead letters. */
    void nodeDown(String node) {
        Outgoing queue = outgoing.remove(node);
        if (queue != null) {
            queue.unacknowledged.values().forEach(lost ->
                    deadLetters.publish(new DeadLetter(lost.to(), lost.message(), DeadLetter.Cause.NO_CONNECTION)));
        }
    }

    private static final class Outgoing {
        private long last;
        private final ConcurrentSkipListMap<Long, Unacknowledged> unacknowledged = new ConcurrentSkipListMap<>();
    }

    private record Unacknowledged(Pid to, Object message) {
    }
}
