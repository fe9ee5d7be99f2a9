package io.otpspring.core.mailbox;

import java.util.concurrent.ConcurrentLinkedQueue;

import org.jspecify.annotations.Nullable;

/**
 * The default mailbox: the JDK's lock-free linked queue. It costs 48 bytes when empty, and being
 * multi-consumer safe lets a dead process's queue be swept while its old thread still runs; see
 * BENCHMARKS.md for how it compares with JCTools' MPSC queues.
 */
final class UnboundedMailbox implements Mailbox {

    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();

    @Override
    public @Nullable Object offer(Object message, Object recipient) {
        queue.offer(message);
        return null;
    }

    @Override
    public void force(Object message) {
        queue.offer(message);
    }

    @Override
    public @Nullable Object poll() {
        return queue.poll();
    }

    @Override
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    @Override
    public int size() {
        return queue.size();
    }
}
