package io.otpspring.core.supervision;

import java.util.Objects;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.StartException;

/**
 * What {@link DynamicSupervisor#startChild} did: started the child, or refused as a value (the
 * supervisor lives on either way), as Elixir's {@code {:ok, pid} | {:error, reason}}.
 */
public sealed interface StartResult {

    /** The reason a start refused by {@code maxChildren} carries when thrown by {@link #orElseThrow()}. */
    ExitReason MAX_CHILDREN = ExitReason.other("max_children");

    /** The started child's pid, or a {@link StartException} saying why there is none. */
    Pid orElseThrow();

    /** The child runs as {@code pid}. */
    record Started(Pid pid) implements StartResult {
        public Started {
            Objects.requireNonNull(pid, "pid");
        }

        @Override
        public Pid orElseThrow() {
            return pid;
        }
    }

    /** Refused: the supervisor already runs {@code maxChildren} children. */
    record MaxChildrenReached(int maxChildren) implements StartResult {
        @Override
        public Pid orElseThrow() {
            throw new StartException("the dynamic supervisor already runs its maximum of " + maxChildren + " children",
                    MAX_CHILDREN);
        }
    }

    /** The child's start failed with {@code reason} (its {@code init} threw or stopped, say). */
    record Failed(ExitReason reason) implements StartResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Pid orElseThrow() {
            throw new StartException("the child failed to start", reason);
        }
    }
}
