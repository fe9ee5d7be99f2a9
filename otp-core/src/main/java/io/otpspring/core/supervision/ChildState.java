package io.otpspring.core.supervision;

import java.util.Objects;

/**
 * What the supervision decisions need to know about one child: plain data, no process.
 *
 * @param id the child's id within its supervisor
 * @param restart its restart type
 * @param significant whether its exit may shut the supervisor down
 * @param running whether it is alive now
 */
public record ChildState(String id, Restart restart, boolean significant, boolean running) {

    public ChildState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(restart, "restart");
    }
}
