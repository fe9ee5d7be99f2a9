package io.otpspring.cluster.registry;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.merge.MergingValue;
import com.hazelcast.spi.merge.SplitBrainMergePolicy;
import org.jspecify.annotations.Nullable;

/**
 * The merge policy of a {@link ConflictMode#RESOLVE_AFTER_MERGE} namespace: when both sides of a
 * healed split registered a name, the earlier registration (by the cluster's clock, then node
 * name, creation and process id) keeps it; a name registered on one side only is kept. Hazelcast
 * instantiates it by class name on every member.
 */
public final class EarlierRegistrationWins implements SplitBrainMergePolicy<Object, MergingValue<Object>, Object> {

    @Override
    public @Nullable Object merge(MergingValue<Object> merging, @Nullable MergingValue<Object> existing) {
        if (existing == null) {
            return merging.getRawValue();
        }
        Holder mergingHolder = (Holder) merging.getDeserializedValue();
        Holder existingHolder = (Holder) existing.getDeserializedValue();
        return Holder.EARLIER_FIRST.compare(mergingHolder, existingHolder) < 0 ? merging.getRawValue() : existing.getRawValue();
    }

    @Override
    public void writeData(ObjectDataOutput out) {
        // stateless
    }

    @Override
    public void readData(ObjectDataInput in) {
        // stateless
    }
}
