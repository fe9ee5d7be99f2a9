package io.otpspring.core.supervision;

import java.time.Duration;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;

/**
 * What supervisors log, as Erlang's supervisor reports: a child that exited abnormally (with the
 * crash's stack trace), and a supervisor that gave up. Through {@link System.Logger}, so the
 * application's logging (Logback under Spring Boot) receives them.
 */
final class CrashReports {

    private static final System.Logger LOG = System.getLogger("io.otpspring.core.supervision");

    private CrashReports() {
    }

    /** Reports child {@code id}'s incarnation {@code pid} exiting with {@code reason}, unless that exit was clean. */
    static void childExited(Pid supervisor, String id, Pid pid, ExitReason reason) {
        if (reason.isClean()) {
            return;
        }
        Throwable cause = reason instanceof ExitReason.Crash crash ? crash.cause() : null;
        LOG.log(System.Logger.Level.WARNING, "supervisor " + supervisor + ": child '" + id + "' " + pid + " exited: "
                + reason, cause);
    }

    /** Reports {@code supervisor} giving up after more than {@code intensity} restarts within {@code period}. */
    static void gaveUp(Pid supervisor, int intensity, Duration period) {
        LOG.log(System.Logger.Level.ERROR, "supervisor " + supervisor + " gave up: more than " + intensity
                + " restarts within " + period);
    }
}
