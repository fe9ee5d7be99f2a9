package io.otpspring.core.supervision;

import java.time.Duration;

import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * What every kind of supervisor keeps for one child: its spec, its current incarnation, the dead
 * one a restart succeeds, and its history (made on its first exit). Confined to the supervisor.
 */
class SupervisedChild {

    final ChildSpec spec;
    @Nullable Pid pid;
    @Nullable Pid predecessor;
    private @Nullable ChildHistory history;

    SupervisedChild(ChildSpec spec) {
        this.spec = spec;
    }

    final ChildHistory history() {
        ChildHistory current = history;
        if (current == null) {
            current = new ChildHistory();
            history = current;
        }
        return current;
    }

    /** The child as reported at {@code now}, with {@code status}. */
    final ChildInfo info(ChildStatus status, long now, Duration period) {
        return ChildHistory.info(spec, pid, status, history, now, period);
    }
}
