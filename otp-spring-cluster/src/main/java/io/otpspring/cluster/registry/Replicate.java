package io.otpspring.cluster.registry;

import java.util.Map;

import com.hazelcast.map.EntryProcessor;
import org.jspecify.annotations.Nullable;

/** Applies the owner's decision to a backup: the new holder, or {@code null} for a freed name. */
final class Replicate<R> implements EntryProcessor<String, Holder, @Nullable R> {

    private final @Nullable Holder value;

    Replicate(@Nullable Holder value) {
        this.value = value;
    }

    @Override
    public @Nullable R process(Map.Entry<String, Holder> entry) {
        entry.setValue(value);
        return null;
    }

    @Override
    public @Nullable EntryProcessor<String, Holder, @Nullable R> getBackupProcessor() {
        return null;
    }
}
