package io.otpspring.core.process;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Counts and publishes every {@link DeadLetter} of a node. Subscribers run on the thread that
 * found the dead letter, so they must be quick and must not throw.
 */
public final class DeadLetters {

    private final LongAdder count = new LongAdder();
    private final CopyOnWriteArrayList<Consumer<DeadLetter>> subscribers = new CopyOnWriteArrayList<>();

    DeadLetters() {
    }

    /** How many dead letters this node has published. */
    public long count() {
        return count.sum();
    }

    /** Calls {@code subscriber} for each dead letter from now on; close the result to stop. */
    public AutoCloseable subscribe(Consumer<DeadLetter> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Counts and publishes a dead letter. */
    public void publish(DeadLetter letter) {
        count.increment();
        for (Consumer<DeadLetter> subscriber : subscribers) {
            try {
                subscriber.accept(letter);
            }
            catch (RuntimeException ignored) {
                // a failing subscriber must not break the sender's path
            }
        }
    }
}
