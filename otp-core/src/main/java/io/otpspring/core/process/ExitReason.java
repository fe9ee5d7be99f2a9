package io.otpspring.core.process;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Why a process exited, as in Erlang: {@code normal}, {@code shutdown} (optionally with a detail),
 * {@code kill} (the untrappable signal), {@code killed} (what links and monitors see after a kill),
 * {@code noproc} (the process was not alive), {@code noconnection} (its node became unreachable), the exception that crashed a handler, or any other
 * abnormal term.
 */
public sealed interface ExitReason
        permits ExitReason.Normal, ExitReason.Shutdown, ExitReason.Kill, ExitReason.Killed,
        ExitReason.NoProc, ExitReason.NoConnection, ExitReason.Crash, ExitReason.Other {

    /** The process finished its work. */
    ExitReason NORMAL = new Normal();

    /** The process was asked to stop, typically by its supervisor. */
    ExitReason SHUTDOWN = new Shutdown(null);

    /** The untrappable signal: the receiver dies at once, and its links see {@link #KILLED}. */
    ExitReason KILL = new Kill();

    /** The reason a killed process exited with. */
    ExitReason KILLED = new Killed();

    /** The process was not alive when it was linked, monitored or called. */
    ExitReason NOPROC = new NoProc();

    /** The process's node became unreachable (it died, hung or was cut off): what its links and monitors see. */
    ExitReason NOCONNECTION = new NoConnection();

    /**
     * Whether this reason counts as a clean exit: {@code normal} and {@code shutdown} (with or
     * without detail). A {@code TRANSIENT} child is restarted only for reasons that are not clean.
     */
    default boolean isClean() {
        return this instanceof Normal || this instanceof Shutdown;
    }

    /** {@code shutdown} with a detail, as Erlang's {@code {shutdown, Term}}. */
    static ExitReason shutdown(Object detail) {
        return new Shutdown(Objects.requireNonNull(detail, "detail"));
    }

    /** The reason for a handler that threw {@code cause}. */
    static ExitReason crash(Throwable cause) {
        return new Crash(cause);
    }

    /** An abnormal exit described by any term. */
    static ExitReason other(Object term) {
        return new Other(term);
    }

    /** {@code normal}. */
    record Normal() implements ExitReason {
        @Override
        public String toString() {
            return "normal";
        }
    }

    /** {@code shutdown}, or {@code {shutdown, detail}} when a detail is given. */
    record Shutdown(@Nullable Object detail) implements ExitReason {
        @Override
        public String toString() {
            return detail == null ? "shutdown" : "{shutdown, " + detail + "}";
        }
    }

    /** {@code kill}: the untrappable signal. */
    record Kill() implements ExitReason {
        @Override
        public String toString() {
            return "kill";
        }
    }

    /** {@code killed}: the exit reason of a killed process. */
    record Killed() implements ExitReason {
        @Override
        public String toString() {
            return "killed";
        }
    }

    /** {@code noproc}: the process was not alive. */
    record NoProc() implements ExitReason {
        @Override
        public String toString() {
            return "noproc";
        }
    }

    /** {@code noconnection}: the process's node became unreachable. */
    record NoConnection() implements ExitReason {
        @Override
        public String toString() {
            return "noconnection";
        }
    }

    /** A handler threw {@code cause}. */
    record Crash(Throwable cause) implements ExitReason {
        public Crash {
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public String toString() {
            return "crash: " + cause;
        }
    }

    /** Any other abnormal exit. */
    record Other(Object term) implements ExitReason {
        public Other {
            Objects.requireNonNull(term, "term");
        }

        @Override
        public String toString() {
            return String.valueOf(term);
        }
    }
}
