package io.otpspring.core.supervision;

import io.otpspring.core.process.Pid;

/** The calls a dynamic supervisor answers. */
sealed interface DynamicRequest {

    record StartChild(ChildSpec spec) implements DynamicRequest {
    }

    record TerminateChild(Pid pid) implements DynamicRequest {
    }

    record WhichChildren() implements DynamicRequest {
    }

    record CountChildren() implements DynamicRequest {
    }
}
