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

    /** Sent to itself when a restart's backoff delay is over: start {@code ids}, the restart already counted. */
    record DelayedRestart(List<String> ids) implements SupervisorRequest {
    }

    /** Sent to itself when a restart failed to start {@code ids}: try again, counting a restart. */
    record RetryRestart(List<String> ids) implements SupervisorRequest {
    }

    /** A refused request, replied as a value so that the supervisor lives on. */
    record Refused(RuntimeException error) {
    }
}
