package io.otpspring.core.supervision;

import io.otpspring.core.process.ExitReason;

/** When a child is restarted after it exits. */
public enum Restart {

    /** Always. */
    PERMANENT,

    /** Only after an abnormal exit (anything but {@code normal} and {@code shutdown}). */
    TRANSIENT,

    /** Never; the child is forgotten once it exits. */
    TEMPORARY;

    /** Whether a child of this restart type is restarted after exiting with {@code reason}. */
    public boolean restartsAfter(ExitReason reason) {
        return switch (this) {
            case PERMANENT -> true;
            case TRANSIENT -> !reason.isClean();
            case TEMPORARY -> false;
        };
    }
}
