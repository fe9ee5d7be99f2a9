package io.otpspring.core.supervision;

import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * One child as {@link Supervisor#whichChildren} reports it.
 *
 * @param id its id
 * @param pid its current incarnation, or {@code null} when it is not running
 * @param type worker or supervisor
 * @param restart its restart type
 * @param restarts how many times it has been restarted
 */
public record ChildInfo(String id, @Nullable Pid pid, ChildType type, Restart restart, int restarts) {
}
