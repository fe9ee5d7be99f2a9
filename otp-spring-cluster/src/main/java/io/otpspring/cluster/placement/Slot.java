package io.otpspring.cluster.placement;

import java.util.Objects;

import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * One key of a distributed supervisor as its map holds it: who runs it under which epoch, its
 * process, and its last checkpointed state. The entry exists while the key is wanted.
 *
 * @param node the node that claimed the key, or {@code null} while it waits for its owner to start it
 * @param epoch how many times the key has been claimed: a claim takes the next one
 * @param pid the process running the key, once started
 * @param state the last state its process saved, or the initial state, or {@code null}
 */
record Slot(@Nullable String node, long epoch, @Nullable Pid pid, @Nullable Object state) {

    /** Whether {@code node} holds this key under {@code epoch}: the fence of every write of a running process. */
    boolean heldBy(String node, long epoch) {
        return node.equals(this.node) && this.epoch == epoch;
    }

    /** Whether this is the placement {@code node} and {@code epoch} describe (no node: a released key). */
    boolean is(@Nullable String node, long epoch) {
        return Objects.equals(node, this.node) && this.epoch == epoch;
    }

    /** The same placement without its state: what travels when only the placement is read. */
    Slot placement() {
        return state == null ? this : new Slot(node, epoch, pid, null);
    }
}
