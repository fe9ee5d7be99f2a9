package io.otpspring.core.process;

import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The threads still running a handler of a process that was killed. The JVM cannot stop them, so
 * whatever they send or reply is discarded and counted instead of acting as the dead process.
 * The common case (no such thread) costs one map-emptiness read per send.
 */
final class Zombies {

    private static final ConcurrentHashMap<Thread, ProcessCell> THREADS = new ConcurrentHashMap<>();

    private Zombies() {
    }

    /** The dead process whose leftover handler runs on the current thread, or {@code null}. */
    static @Nullable ProcessCell ofCurrentThread() {
        return THREADS.isEmpty() ? null : THREADS.get(Thread.currentThread());
    }

    static void add(Thread thread, ProcessCell cell) {
        THREADS.put(thread, cell);
    }

    static void remove(Thread thread, ProcessCell cell) {
        if (!THREADS.isEmpty()) {
            THREADS.remove(thread, cell);
        }
    }
}
