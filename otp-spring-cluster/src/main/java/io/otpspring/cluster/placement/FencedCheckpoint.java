package io.otpspring.cluster.placement;

import java.util.Objects;

import io.otpspring.core.process.ProcessContext;
import org.jspecify.annotations.Nullable;

/** The checkpoint of one incarnation: saves as {@code node} under {@code epoch}, and stops the process when refused. */
final class FencedCheckpoint<S> implements Checkpoint<S> {

    private final Slots slots;
    private final String key;
    private final String node;
    private final long epoch;
    private @Nullable ProcessContext process;

    FencedCheckpoint(Slots slots, String key, String node, long epoch) {
        this.slots = slots;
        this.key = key;
        this.node = node;
        this.epoch = epoch;
    }

    /** Binds it to the process it saves for, which it stops when a save is refused. */
    void bind(ProcessContext process) {
        this.process = process;
    }

    @Override
    public boolean save(S state) {
        ProcessContext self = Objects.requireNonNull(process, "save from the process, once its init has begun");
        if (slots.save(key, node, epoch, state)) {
            return true;
        }
        self.stop(DistributedSupervisor.FENCED);
        return false;
    }
}
