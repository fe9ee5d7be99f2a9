package io.otpspring.core.supervision;

import java.util.List;

/** The calls a supervisor answers, and the messages it sends itself. */
sealed interface SupervisorRequest {

    record WhichChildren() implements SupervisorRequest {
    }

    record CountChildren() implements SupervisorRequest {
    }

    /** Answered by dynamic supervisors too, which list at most {@code dynamicChildLimit} children. */
    record Report(int dynamicChildLimit) implements SupervisorRequest {
    }

    record StartChild(ChildSpec spec) implements SupervisorRequest {
    }

    record RestartChild(String id) implements SupervisorRequest {
    }

    record TerminateChild(String id) implements SupervisorRequest {
    }

    record DeleteChild(String id) implements SupervisorRequest {
    }

    /**
     * Sent to itself to start {@code ids} again: after a backoff delay ({@code counts}: false, the
     * restart was counted at the exit) or after a failed start ({@code counts}: true). Only the
     * children still waiting under this {@code ticket} start: those restarted, terminated or
     * waiting for a later order meanwhile are left alone.
     */
    record PendingRestart(List<String> ids, long ticket, boolean counts) implements SupervisorRequest {
    }

    /** A refused request, replied as a value so that the supervisor lives on. */
    record Refused(RuntimeException error) {
    }
}
