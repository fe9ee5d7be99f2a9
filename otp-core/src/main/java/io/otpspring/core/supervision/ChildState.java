package io.otpspring.core.supervision;

import java.util.Objects;
import java.util.Set;

/**
 * What the supervision decisions need to know about one child: plain data, no process.
 *
 * @param id the child's id within its supervisor
 * @param restart its restart type
 * @param significant whether its exit may shut the supervisor down
 * @param running whether it is alive now
 * @param dependsOn the ids of the earlier siblings it depends on
 */
public record ChildState(String id, Restart restart, boolean significant, boolean running, Set<String> dependsOn) {

    public ChildState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(restart, "restart");
        dependsOn = Set.copyOf(dependsOn);
    }

    /** A child that depends on no sibling. */
    public ChildState(String id, Restart restart, boolean significant, boolean running) {
        this(id, restart, significant, running, Set.of());
    }
}
