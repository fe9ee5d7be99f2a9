package io.otpspring.test;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessRef;
import io.otpspring.core.supervision.ChildInfo;
import io.otpspring.core.supervision.ChildStatus;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.core.supervision.SupervisorReport;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on a supervisor (or dynamic supervisor) and its children, read from its
 * {@link SupervisorReport}. A failure shows the tree as it was. {@link #eventually()} makes the
 * assertions that follow wait until they hold.
 */
public final class SupervisorAssert extends AbstractAssert<SupervisorAssert, ProcessRef> {

    private static final Duration REPORT_TIMEOUT = Duration.ofSeconds(5);

    private final Eventually eventually;

    SupervisorAssert(ProcessRef actual, Eventually eventually) {
        super(actual, SupervisorAssert.class);
        this.eventually = eventually;
    }

    /** The same assertions, each retried until it holds, for up to 10 s. */
    public SupervisorAssert eventually() {
        return eventually(Eventually.DEFAULT_TIMEOUT);
    }

    /** The same assertions, each retried until it holds, for up to {@code timeout}. */
    public SupervisorAssert eventually(Duration timeout) {
        return new SupervisorAssert(actual, new Eventually(true, timeout));
    }

    /** Its children are exactly {@code ids}, in start order. */
    public SupervisorAssert hasChildren(String... ids) {
        check(() -> {
            List<String> children = report().children().stream().map(ChildInfo::id).toList();
            if (!children.equals(List.of(ids))) {
                throw new AssertionError("expected the children " + List.of(ids) + " in this order, but they are " + children);
            }
        });
        return this;
    }

    /** Its children are all running. */
    public SupervisorAssert hasAllChildrenRunning() {
        check(() -> {
            List<String> notRunning = report().children().stream()
                    .filter(child -> child.status() != ChildStatus.RUNNING).map(ChildInfo::id).toList();
            if (!notRunning.isEmpty()) {
                throw new AssertionError("expected every child to run, but " + notRunning + " do not");
            }
        });
        return this;
    }

    /** It has made {@code restarts} restarts within its intensity period. */
    public SupervisorAssert hasRecentRestarts(int restarts) {
        check(() -> {
            int recent = report().recentRestarts();
            if (recent != restarts) {
                throw new AssertionError("expected " + restarts + " restarts within the period, but it made " + recent);
            }
        });
        return this;
    }

    /**
     * Assertions on its child {@code id}, checked the way this assertion is (at once, or eventually).
     * The children of a dynamic supervisor share their spec's id; this is then the oldest of them.
     */
    public ChildAssert child(String id) {
        return new ChildAssert(id);
    }

    private SupervisorReport report() {
        try {
            return Supervisor.report(actual, Integer.MAX_VALUE, REPORT_TIMEOUT);
        }
        catch (RuntimeException unavailable) {
            throw new AssertionError("the supervisor " + actual + " did not report: " + unavailable.getMessage(),
                    unavailable);
        }
    }

    /**
     * Checks {@code assertion} as this assertion says (at once or eventually). A supervisor pid whose
     * incarnation has exited fails at once, as it will never report (a name is retried: its next
     * incarnation may); a failure carries the {@code as(...)} description and the tree as it was.
     */
    private void check(Runnable assertion) {
        isNotNull();
        if (actual instanceof Pid incarnation && !incarnation.isAlive()) {
            throw describedFailure("the supervisor " + actual + " exited (" + incarnation.exitReason() + ")", null);
        }
        try {
            eventually.check(assertion, () -> TreeDump.under(actual.resolve()));
        }
        catch (AssertionError failed) {
            throw describedFailure(eventually.enabled() ? failed.getMessage()
                    : failed.getMessage() + "\n" + TreeDump.under(actual.resolve()), failed.getCause());
        }
    }

    private AssertionError describedFailure(String message, @Nullable Throwable cause) {
        String description = descriptionText();
        return new AssertionError(description == null || description.isEmpty() ? message
                : "[" + description + "] " + message, cause);
    }

    /** Assertions on one child of the supervisor. */
    public final class ChildAssert {

        private final String id;

        private ChildAssert(String id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        /** It has been restarted {@code restarts} times. */
        public ChildAssert hasRestarted(int restarts) {
            check(() -> {
                int made = info().restarts();
                if (made != restarts) {
                    throw new AssertionError("expected child '" + id + "' to have been restarted " + restarts
                            + " times, but it was " + made + " times");
                }
            });
            return this;
        }

        public ChildAssert isRunning() {
            return hasStatus(ChildStatus.RUNNING);
        }

        /** It waits to be restarted (a backoff delay, or a failed start being retried). */
        public ChildAssert isRestarting() {
            return hasStatus(ChildStatus.RESTARTING);
        }

        public ChildAssert isTerminated() {
            return hasStatus(ChildStatus.TERMINATED);
        }

        /** Its last abnormal exit was a crash with a {@code type}. */
        public ChildAssert hasLastCrashed(Class<? extends Throwable> type) {
            check(() -> {
                var failure = info().lastFailure();
                if (failure == null || !(failure.reason() instanceof io.otpspring.core.process.ExitReason.Crash crash)
                        || !type.isInstance(crash.cause())) {
                    throw new AssertionError("expected child '" + id + "' to have last crashed with a "
                            + type.getName() + ", but its last failure is " + failure);
                }
            });
            return this;
        }

        /** Its current incarnation, for further assertions (fails if it is not running). */
        public Pid pid() {
            Pid pid = info().pid();
            if (pid == null) {
                throw new AssertionError("child '" + id + "' is not running\n" + TreeDump.under(actual.resolve()));
            }
            return pid;
        }

        private ChildAssert hasStatus(ChildStatus status) {
            check(() -> {
                ChildStatus now = info().status();
                if (now != status) {
                    throw new AssertionError("expected child '" + id + "' to be " + status + ", but it is " + now);
                }
            });
            return this;
        }

        private ChildInfo info() {
            @Nullable ChildInfo found = report().children().stream().filter(child -> child.id().equals(id)).findFirst()
                    .orElse(null);
            if (found == null) {
                throw new AssertionError("the supervisor " + actual + " has no child '" + id + "'");
            }
            return found;
        }
    }
}
