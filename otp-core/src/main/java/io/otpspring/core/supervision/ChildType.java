package io.otpspring.core.supervision;

/** Whether a child is a worker or a supervisor of its own children. */
public enum ChildType {
    WORKER,
    SUPERVISOR
}
