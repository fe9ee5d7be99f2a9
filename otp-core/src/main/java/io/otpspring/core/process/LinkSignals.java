package io.otpspring.core.process;

import java.util.ArrayDeque;

import org.jspecify.annotations.Nullable;

/**
 * Delivers the exit signals of a dying process's links without recursion: a death that causes
 * other deaths queues their signals on the current thread, and the outermost death delivers them
 * in a loop. An exit thus spreads along a chain of links of any length.
 */
final class LinkSignals {

    private static final ThreadLocal<@Nullable ArrayDeque<Runnable>> PENDING = new ThreadLocal<>();

    private LinkSignals() {
    }

    static void deliver(Runnable signal) {
        ArrayDeque<Runnable> pending = PENDING.get();
        if (pending != null) {
            pending.add(signal);
            return;
        }
        pending = new ArrayDeque<>();
        PENDING.set(pending);
        try {
            signal.run();
            Runnable next;
            while ((next = pending.poll()) != null) {
                next.run();
            }
        }
        finally {
            PENDING.remove();
        }
    }
}
