package io.otpspring.cluster.registry;

import java.util.Map;
import java.util.Objects;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import org.jspecify.annotations.Nullable;

/**
 * Takes a name for {@code claimant}, atomically on the member that owns the name: when it is free,
 * held by a process of a node that is no longer a member, or held by {@code replacing} (a dead
 * process its node knows of). Returns {@code null} when the claimant holds the name now (or held
 * it already), otherwise the holder that keeps it.
 */
final class Claim implements EntryProcessor<String, Holder, @Nullable Holder>, HazelcastInstanceAware {

    private final Holder claimant;
    private final @Nullable Holder replacing;
    private transient @Nullable HazelcastInstance hazelcast;
    private transient boolean taken;

    Claim(Holder claimant, @Nullable Holder replacing) {
        this.claimant = claimant;
        this.replacing = replacing;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
    }

    @Override
    public @Nullable Holder process(Map.Entry<String, Holder> entry) {
        Holder current = entry.getValue();
        if (current != null && current.sameProcess(claimant)) {
            return null;
        }
        if (current == null || current.sameProcess(replacing)
                || !MemberNames.isMember(Objects.requireNonNull(hazelcast, "hazelcast"), current.node())) {
            entry.setValue(claimant);
            taken = true;
            return null;
        }
        return current;
    }

    /** The backups copy the owner's decision instead of making their own. */
    @Override
    public @Nullable EntryProcessor<String, Holder, @Nullable Holder> getBackupProcessor() {
        return taken ? new Replicate<>(claimant) : null;
    }
}
