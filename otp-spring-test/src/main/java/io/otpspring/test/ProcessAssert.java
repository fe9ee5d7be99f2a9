package io.otpspring.test;

import java.time.Duration;
import java.util.Objects;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessRef;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on a process: one incarnation (a pid), or whatever holds a name at each check (a
 * process bean's name, a registry key: its current incarnation). {@link #eventually()} makes the
 * assertions that follow wait until they hold (or fail with the process as it was).
 */
public final class ProcessAssert extends AbstractAssert<ProcessAssert, ProcessRef> {

    private final Eventually eventually;

    ProcessAssert(ProcessRef actual, Eventually eventually) {
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
            Pid pid = actual.resolve();
            if (pid == null || !pid.isAlive()) {
                failWithMessage("expected %s to be alive, but %s", actual, state());
            }
        });
        return this;
    }

    /** It has exited (for a name: nothing alive holds it). */
    public ProcessAssert isDead() {
        isNotNull();
        check(() -> {
            Pid pid = actual.resolve();
            if (pid != null && pid.isAlive()) {
                failWithMessage("expected %s to have exited, but it is alive", actual);
            }
        });
        return this;
    }

    /** It exited with {@code reason} (a crash matches any crash by the same exception class). */
    public ProcessAssert hasExitedWith(ExitReason reason) {
        isNotNull();
        check(() -> {
            ExitReason exited = exitReason();
            boolean matches = exited != null && (exited.equals(reason) || (exited instanceof ExitReason.Crash crash
                    && reason instanceof ExitReason.Crash expected
                    && crash.cause().getClass() == expected.cause().getClass()));
            if (!matches) {
                failWithMessage("expected %s to have exited with %s, but %s", actual, reason,
                        exited == null ? state() : "it exited with " + exited);
            }
        });
        return this;
    }

    /** It crashed: a handler (or its {@code init} or {@code terminate}) threw a {@code type}. */
    public ProcessAssert hasCrashedWith(Class<? extends Throwable> type) {
        isNotNull();
        check(() -> {
            ExitReason exited = exitReason();
            if (!(exited instanceof ExitReason.Crash crash) || !type.isInstance(crash.cause())) {
                failWithMessage("expected %s to have crashed with a %s, but %s", actual, type.getName(),
                        exited == null ? state() : "it exited with " + exited);
            }
        });
        return this;
    }

    public ProcessAssert hasMailboxSize(int size) {
        isNotNull();
        check(() -> {
            Pid pid = actual.resolve();
            int queued = pid == null ? 0 : pid.mailboxSize();
            if (pid == null || queued != size) {
                failWithMessage("expected %s to have %s messages queued, but %s", actual, size, state());
            }
        });
        return this;
    }

    private @Nullable ExitReason exitReason() {
        Pid pid = actual.resolve();
        return pid == null ? null : pid.exitReason();
    }

    private String state() {
        Pid pid = actual.resolve();
        if (pid == null) {
            return "no process holds it";
        }
        return pid.isAlive() ? pid + " is alive, " + pid.mailboxSize() + " messages queued"
                : pid + " exited: " + Objects.requireNonNullElse(pid.exitReason(), "?");
    }

    private void check(Runnable assertion) {
        eventually.check(assertion, () -> "process " + actual + ": " + state());
    }
}
