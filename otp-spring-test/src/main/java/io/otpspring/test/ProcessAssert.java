package io.otpspring.test;

import java.time.Duration;
import java.util.Objects;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one incarnation of a process. {@link #eventually()} makes the assertions that
 * follow wait until they hold (or fail with the node as it was).
 */
public final class ProcessAssert extends AbstractAssert<ProcessAssert, Pid> {

    private final Eventually eventually;

    ProcessAssert(Pid actual, Eventually eventually) {
        super(actual, ProcessAssert.class);
        this.eventually = eventually;
    }

    /** The same assertions, each retried until it holds, for up to 10 s. */
    public ProcessAssert eventually() {
        return eventually(Eventually.DEFAULT_TIMEOUT);
    }

    /** The same assertions, each retried until it holds, for up to {@code timeout}. */
    public ProcessAssert eventually(Duration timeout) {
        return new ProcessAssert(actual, new Eventually(true, timeout));
    }

    public ProcessAssert isAlive() {
        isNotNull();
        check(() -> {
            if (!actual.isAlive()) {
                failWithMessage("expected %s to be alive, but it exited: %s", actual, actual.exitReason());
            }
        });
        return this;
    }

    public ProcessAssert isDead() {
        isNotNull();
        check(() -> {
            if (actual.isAlive()) {
                failWithMessage("expected %s to have exited, but it is alive", actual);
            }
        });
        return this;
    }

    /** It exited with {@code reason} (a crash matches any crash by the same exception class). */
    public ProcessAssert hasExitedWith(ExitReason reason) {
        isNotNull();
        check(() -> {
            ExitReason exited = actual.exitReason();
            boolean matches = exited != null && (exited.equals(reason) || (exited instanceof ExitReason.Crash crash
                    && reason instanceof ExitReason.Crash expected
                    && crash.cause().getClass() == expected.cause().getClass()));
            if (!matches) {
                failWithMessage("expected %s to have exited with %s, but %s", actual, reason,
                        exited == null ? "it is alive" : "it exited with " + exited);
            }
        });
        return this;
    }

    /** It crashed: a handler (or its {@code init} or {@code terminate}) threw a {@code type}. */
    public ProcessAssert hasCrashedWith(Class<? extends Throwable> type) {
        isNotNull();
        check(() -> {
            ExitReason exited = actual.exitReason();
            if (!(exited instanceof ExitReason.Crash crash) || !type.isInstance(crash.cause())) {
                failWithMessage("expected %s to have crashed with a %s, but %s", actual, type.getName(),
                        exited == null ? "it is alive" : "it exited with " + exited);
            }
        });
        return this;
    }

    public ProcessAssert hasMailboxSize(int size) {
        isNotNull();
        check(() -> {
            int queued = actual.mailboxSize();
            if (queued != size) {
                failWithMessage("expected %s to have %s messages queued, but it has %s", actual, size, queued);
            }
        });
        return this;
    }

    private void check(Runnable assertion) {
        eventually.check(assertion, () -> "process " + actual + (actual.isAlive() ? " alive" : " exited: "
                + Objects.requireNonNullElse(actual.exitReason(), "?")));
    }
}
