package io.otpspring.core.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * What a supervisor remembers of one child beyond its spec: restarts, recent restart times and the
 * last abnormal exit. Confined to the supervisor. A child that never exited needs none, so a
 * million idle dynamic children cost no history.
 */
final class ChildHistory {

    private final ArrayDeque<Long> restartTimes = new ArrayDeque<>();
    private int restarts;
    private @Nullable ChildFailure lastFailure;
    /** Restarts since the child last ran quietly for its backoff's reset period. */
    private int consecutive;
    /** When the current incarnation started (a restart); 0 before the first restart. */
    private long startedAt;
    /** The ticket of the restart order a dynamic supervisor's child waits for, 0 when none. */
    long restartTicket;

    /** Records an exit; only abnormal ones are remembered. */
    void exited(ExitReason reason) {
        if (!reason.isClean()) {
            lastFailure = new ChildFailure(reason, Instant.now());
        }
    }

    /** Records a restart at {@code now} (the node's clock), forgetting restart times older than {@code period}. */
    void restarted(long now, Duration period) {
        forgetBefore(now, period);
        restartTimes.addLast(now);
        restarts++;
        startedAt = now;
    }

    /**
     * The delay before the next restart at {@code now}, as {@code backoff} gives it for the restarts made in a row;
     * an incarnation that ran for the backoff's reset period starts the count again.
     */
    Duration nextDelay(long now, RestartBackoff backoff) {
        if (startedAt != 0 && now - startedAt >= backoff.resetAfter().toNanos()) {
            consecutive = 0;
        }
        consecutive++;
        return backoff.delays().before(consecutive);
    }

    /** The child as reported at {@code now}, given this history (or none). */
    static ChildInfo info(ChildSpec spec, @Nullable Pid pid, ChildStatus status, @Nullable ChildHistory history,
            long now, Duration period) {
        if (history == null) {
            return new ChildInfo(spec.id(), pid, spec.type(), spec.restart(), status, 0, 0, null);
        }
        history.forgetBefore(now, period);
        return new ChildInfo(spec.id(), pid, spec.type(), spec.restart(), status, history.restarts,
                history.restartTimes.size(), history.lastFailure);
    }

    private void forgetBefore(long now, Duration period) {
        long window = period.toNanos();
        while (!restartTimes.isEmpty() && now - restartTimes.peekFirst() > window) {
            restartTimes.pollFirst();
        }
    }
}
