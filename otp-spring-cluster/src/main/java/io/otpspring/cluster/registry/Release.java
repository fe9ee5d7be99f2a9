package io.otpspring.cluster.registry;

import java.util.Map;
import java.util.Objects;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import org.jspecify.annotations.Nullable;

/**
 * Frees a name if {@code holder}'s process still holds it, and with {@code onlyIfNodeGone} only
 * while that process's node is not a member (a node that came back keeps its names). Returns
 * whether it freed the name.
 */
final class Release implements EntryProcessor<String, Holder, Boolean>, HazelcastInstanceAware {

    private final Holder holder;
    private final boolean onlyIfNodeGone;
    private transient @Nullable HazelcastInstance hazelcast;
    private transient boolean released;

    Release(Holder holder, boolean onlyIfNodeGone) {
        this.holder = holder;
        this.onlyIfNodeGone = onlyIfNodeGone;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
    }

    @Override
    public Boolean process(Map.Entry<String, Holder> entry) {
        if (!holder.sameProcess(entry.getValue())
                || onlyIfNodeGone && MemberNames.isMember(Objects.requireNonNull(hazelcast, "hazelcast"), holder.node())) {
            return false;
        }
        entry.setValue(null);
        released = true;
        return true;
    }

    /** The backups copy the owner's decision instead of making their own. */
    @Override
    public @Nullable EntryProcessor<String, Holder, Boolean> getBackupProcessor() {
        return released ? new Replicate<>(null) : null;
    }
}
