package io.otpspring.core.supervision;

import java.util.List;

import io.otpspring.core.process.ExitReason;

/** What a supervisor does about a child that exited: the output of {@link SupervisionDecisions}. */
public sealed interface ExitDecision {

    /**
     * Restart: stop the running children in {@code stop} (in that order), forget those in
     * {@code remove} (temporary children stopped on the way), then start {@code start} in order.
     * A restart counts once against the restart intensity.
     */
    record RestartChildren(List<String> stop, List<String> remove, List<String> start) implements ExitDecision {
        public RestartChildren {
            stop = List.copyOf(stop);
            remove = List.copyOf(remove);
            start = List.copyOf(start);
        }
    }

    /** Do not restart; keep the child's spec as terminated (it can be restarted by hand). */
    record KeepTerminated(String id) implements ExitDecision {
    }

    /** Do not restart; forget the child (a temporary child). */
    record RemoveChild(String id) implements ExitDecision {
    }

    /**
     * Stop the supervisor with {@code reason}: a significant child's exit triggered its automatic
     * shutdown. The exited child is kept or removed first, as {@code then} says.
     */
    record ShutDownSupervisor(ExitReason reason, ExitDecision then) implements ExitDecision {
    }
}
