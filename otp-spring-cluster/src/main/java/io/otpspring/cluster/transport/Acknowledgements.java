package io.otpspring.cluster.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The numbered sends this node received from each other node, acknowledged back to it every
 * {@value #EVERY} messages and on each {@link #flush()}: one acknowledgement covers every number up
 * to its own.
 */
final class Acknowledgements {

    static final int EVERY = 64;

    /** Sends an acknowledgement to a node. */
    interface Sender {
        void acknowledge(String node, long number);
    }

    private final Sender sender;
    private final Map<String, Received> received = new ConcurrentHashMap<>();

    Acknowledgements(Sender sender) {
        this.sender = sender;
    }

    /** Message {@code number} from {@code node} arrived. */
    void received(String node, long number) {
        Received from = received.computeIfAbsent(node, name -> new Received());
        long toAcknowledge;
        synchronized (from) {
            from.highest = Math.max(from.highest, number);
            if (from.highest - from.acknowledged < EVERY) {
                return;
            }
            toAcknowledge = from.acknowledged = from.highest;
        }
        sender.acknowledge(node, toAcknowledge);
    }

    /** Acknowledges what arrived since the last acknowledgement, from every node. */
    void flush() {
        received.forEach((node, from) -> {
            long toAcknowledge;
            synchronized (from) {
                if (from.highest == from.acknowledged) {
                    return;
                }
                toAcknowledge = from.acknowledged = from.highest;
            }
            sender.acknowledge(node, toAcknowledge);
        });
    }

    /** Node {@code node} went down: its numbering starts again when it comes back. */
    void nodeDown(String node) {
        received.remove(node);
    }

    private static final class Received {
        private long highest;
        private long acknowledged;
    }
}
