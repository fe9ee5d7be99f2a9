package io.otpspring.sample.processes;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param children for the dynamic supervisor of a process per key, how many processes it runs; else
 *                 {@code null}, left out of the JSON
 */
public record ProcessInfo(String name, String type, @Nullable String pid, int restarts, Set<String> dependsOn,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer children) {

    static ProcessInfo of(ChildInfo child, Set<String> dependsOn, @Nullable Integer children) {
        return new ProcessInfo(child.id(), child.type().name().toLowerCase(),
                child.pid() == null ? null : child.pid().toString(), child.restarts(), dependsOn, children);
    }
}
