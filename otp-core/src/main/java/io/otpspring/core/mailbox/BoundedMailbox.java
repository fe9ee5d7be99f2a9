package io.otpspring.core.mailbox;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * A mailbox with a capacity and an {@link OverflowPolicy}; its size is an exact counter. It uses
 * the JDK's multi-consumer queue because {@code DROP_OLDEST} takes the oldest message on the
 * sender's side.
 */
final class BoundedMailbox implements Mailbox {

    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;
    private final OverflowPolicy overflow;

    BoundedMailbox(int capacity, OverflowPolicy overflow) {
        this.capacity = capacity;
        this.overflow = overflow;
    }

    @Override
    public @Nullable Object offer(Object message, Object recipient) {
        if (reserveSlot()) {
            queue.offer(message);
            return null;
        }
        return switch (overflow) {
            case REJECT -> throw new MailboxFullException(String.valueOf(recipient), capacity);
            case DROP_NEWEST -> message;
            case DROP_OLDEST -> replaceOldest(message);
        };
    }

    private boolean reserveSlot() {
        int current;
        do {
            current = size.get();
            if (current >= capacity) {
                return false;
            }
        } while (!size.compareAndSet(current, current + 1));
        return true;
    }

    private @Nullable Object replaceOldest(Object message) {
        Object oldest = queue.poll();
        queue.offer(message);
        if (oldest == null) {
            // the consumer emptied the queue meanwhile: the new message took a free slot
            size.incrementAndGet();
            return null;
        }
        return oldest;
    }

    @Override
    public void force(Object message) {
        size.incrementAndGet();
        queue.offer(message);
    }

    @Override
    public @Nullable Object poll() {
        Object message = queue.poll();
        if (message != null) {
            size.decrementAndGet();
        }
        return message;
    }

    @Override
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    @Override
    public int size() {
        return size.get();
    }
}
