package io.otpspring.core.supervision;

import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.SpawnOptions;

/**
 * Starts one incarnation of a child. It must spawn with exactly the {@code options} it is given:
 * they link the child to its supervisor, carry its name and hand it its predecessor's mailbox.
 */
@FunctionalInterface
public interface ChildStart {

    /** Spawns the child on {@code node} with {@code options} and returns its pid once it has started. */
    Pid start(Node node, SpawnOptions options) throws Exception;
}
