package io.otpspring.sample.processes;

import java.util.Set;

import io.otpspring.core.supervision.ChildInfo;
import org.jspecify.annotations.Nullable;

/**
 * One child of the root supervisor, as {@code GET /api/processes} shows it.
 *
 * @param name its name: the bean name, also the name it is registered under
 * @param type {@code worker} or {@code supervisor}
 * @param pid its current incarnation, or {@code null} while it is not running
 * @param restarts how many times its supervisor has restarted it
 * @param dependsOn the siblings it starts after and restarts with, derived from bean dependencies
 */
public record ProcessInfo(String name, String type, @Nullable String pid, int restarts, Set<String> dependsOn) {

    static ProcessInfo of(ChildInfo child, Set<String> dependsOn) {
        return new ProcessInfo(child.id(), child.type().name().toLowerCase(),
                child.pid() == null ? null : child.pid().toString(), child.restarts(), dependsOn);
    }
}
