package io.otpspring.core.genserver;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import io.otpspring.core.process.DeadLetter;
import io.otpspring.core.process.DeadLetters;
import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * The one-shot meeting point of a call: the caller waits on it (spinning briefly, then parked),
 * the server settles it with a reply or the runtime with a failure. The first outcome wins; the
 * caller giving up is an outcome too, so a late reply is recognised and counted.
 */
final class CallSlot implements ReplySlot {

    private static final int SPINS = 1 << 11;
    private static final Object NULL_REPLY = new Object();
    private static final Object ABANDONED = new Object();
    private static final VarHandle OUTCOME;

    static {
        try {
            OUTCOME = MethodHandles.lookup().findVarHandle(CallSlot.class, "outcome", Object.class);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final Thread caller = Thread.currentThread();
    private final Pid server;
    private volatile @Nullable Object outcome;
    private @Nullable DeadLetters deadLetters;

    CallSlot(Pid server) {
        this.server = server;
    }

    @Override
    public void countLateRepliesIn(DeadLetters letters) {
        this.deadLetters = letters;
    }

    @Override
    public void reply(@Nullable Object value) {
        Object wrapped = value == null ? NULL_REPLY : value;
        if (OUTCOME.compareAndSet(this, null, wrapped)) {
            LockSupport.unpark(caller);
        }
        else if (deadLetters != null) {
            deadLetters.publish(new DeadLetter(server, wrapped == NULL_REPLY ? "null" : wrapped,
                    DeadLetter.Cause.LATE_REPLY));
        }
    }

    @Override
    public void fail(RuntimeException error) {
        if (OUTCOME.compareAndSet(this, null, new Failure(error))) {
            LockSupport.unpark(caller);
        }
    }

    @Override
    public boolean isSettled() {
        return outcome != null;
    }

    /**
     * Waits for the outcome; returns the reply or throws the failure or a timeout. A caller of a
     * process on another node parks at once: its reply is a network round trip away, and spinning
     * would take a core from the threads that carry it.
     */
    @Nullable
    Object await(Duration timeout) {
        Object result = outcome;
        int spins = server.isRemote() ? 0 : SPINS;
        for (int i = 0; result == null && i < spins; i++) {
            Thread.onSpinWait();
            result = outcome;
        }
        if (result == null) {
            result = park(timeout);
        }
        if (result == NULL_REPLY) {
            return null;
        }
        if (result instanceof Failure failure) {
            throw failure.error();
        }
        return result;
    }

    private Object park(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (;;) {
            Object result = outcome;
            if (result != null) {
                return result;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || Thread.interrupted()) {
                boolean interrupted = remaining > 0;
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                if (OUTCOME.compareAndSet(this, null, ABANDONED)) {
                    if (interrupted) {
                        throw new IllegalStateException("interrupted while waiting for a reply from " + server);
                    }
                    throw new CallTimeoutException(server, timeout);
                }
                return outcome;
            }
            LockSupport.parkNanos(this, remaining);
        }
    }

    private record Failure(RuntimeException error) {
    }
}
