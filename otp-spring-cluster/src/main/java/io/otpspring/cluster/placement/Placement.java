package io.otpspring.cluster.placement;

import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * Where a key of a {@link DistributedSupervisor} runs, as its map records it.
 *
 * @param node the node that runs it, or {@code null} while it moves (released by one node, not yet started by the next)
 * @param epoch how many times the key was placed: each start on a node takes the next one
 * @param pid its process, or {@code null} while it starts
 */
public record Placement(@Nullable String node, long epoch, @Nullable Pid pid) {
}
