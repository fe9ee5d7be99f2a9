package io.otpspring.core.supervision;

import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * One child as {@link Supervisor#whichChildren} and {@link Supervisor#report} show it.
 *
 * @param id its id
 * @param pid its current incarnation, or {@code null} when it is not running
 * @param type worker or supervisor
 * @param restart its restart type
 * @param status running, restarting or terminated
 * @param restarts how many times it has been restarted
 * @param recentRestarts how many of those fall within its supervisor's intensity period, which ends now
 * @param lastFailure its last abnormal exit, or {@code null} if it never had one
 */
public record ChildInfo(String id, @Nullable Pid pid, ChildType type, Restart restart, ChildStatus status,
        int restarts, int recentRestarts, @Nullable ChildFailure lastFailure) {
}
