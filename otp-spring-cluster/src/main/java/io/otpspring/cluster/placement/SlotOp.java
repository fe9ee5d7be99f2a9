package io.otpspring.cluster.placement;

import java.util.Map;
import java.util.function.Function;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * The atomic steps on a key's {@link Slot}, each run where the key lives. Every one is a
 * compare-and-set on the slot alone, so the backup replicas, which run the same step, reach the
 * same value: whether a holder is alive is decided by the caller, never here.
 * {@link SlotOpSerializer} carries them (not Java serialization), so a state may be any type
 * Hazelcast serializes.
 */
sealed interface SlotOp<R> extends EntryProcessor<String, Slot, R> {

    /** Creates the slot, released and holding {@code initial}, unless it exists; returns the placement. */
    record Want(@Nullable Object initial) implements SlotOp<Slot> {
        @Override
        public Slot process(Map.Entry<String, Slot> entry) {
            Slot slot = entry.getValue();
            if (slot == null) {
                slot = new Slot(null, 0, null, initial);
                entry.setValue(slot);
            }
            return slot.placement();
        }
    }

    /**
     * Gives the key to {@code node} under the next epoch if it still is as the caller saw it
     * ({@code expectedNode}, {@code expectedEpoch}); returns the claimed slot with its state, or
     * {@code null} when it changed meanwhile or is gone.
     */
    record Claim(String node, @Nullable String expectedNode, long expectedEpoch) implements SlotOp<Slot> {
        @Override
        public @Nullable Slot process(Map.Entry<String, Slot> entry) {
            Slot slot = entry.getValue();
            if (slot == null || !slot.is(expectedNode, expectedEpoch)) {
                return null;
            }
            Slot claimed = new Slot(node, slot.epoch() + 1, null, slot.state());
            entry.setValue(claimed);
            return claimed;
        }
    }

    /** Records the process that runs the key, if {@code node} still holds it under {@code epoch}. */
    record Started(String node, long epoch, Pid pid) implements SlotOp<Boolean> {
        @Override
        public Boolean process(Map.Entry<String, Slot> entry) {
            return ifHeld(entry, node, epoch, slot -> new Slot(node, epoch, pid, slot.state()));
        }
    }

    /** Stores {@code state} if {@code node} still holds the key under {@code epoch}: the fenced checkpoint. */
    record Save(String node, long epoch, @Nullable Object state) implements SlotOp<Boolean> {
        @Override
        public Boolean process(Map.Entry<String, Slot> entry) {
            return ifHeld(entry, node, epoch, slot -> new Slot(node, epoch, slot.pid(), state));
        }
    }

    /** Lets go of the key (its state stays) if {@code node} still holds it under {@code epoch}: a handoff. */
    record Release(String node, long epoch) implements SlotOp<Boolean> {
        @Override
        public Boolean process(Map.Entry<String, Slot> entry) {
            return ifHeld(entry, node, epoch, slot -> new Slot(null, epoch, null, slot.state()));
        }
    }

    /** Removes the key if {@code node} still holds it under {@code epoch}: its process finished. */
    record Finish(String node, long epoch) implements SlotOp<Boolean> {
        @Override
        public Boolean process(Map.Entry<String, Slot> entry) {
            return ifHeld(entry, node, epoch, slot -> null);
        }
    }

    /** Lets go of every key {@code node} holds, whatever the epoch: run over all entries when a node's placement starts afresh. */
    record ReleaseNode(String node) implements SlotOp<Boolean> {
        @Override
        public @Nullable Boolean process(Map.Entry<String, Slot> entry) {
            Slot slot = entry.getValue();
            if (slot == null || !node.equals(slot.node())) {
                return null;
            }
            entry.setValue(new Slot(null, slot.epoch(), null, slot.state()));
            return true;
        }
    }

    /** Reads the placement without its state, which stays where it is. */
    record Read() implements SlotOp<Slot>, ReadOnly {
        @Override
        public @Nullable Slot process(Map.Entry<String, Slot> entry) {
            Slot slot = entry.getValue();
            return slot == null ? null : slot.placement();
        }

        @Override
        public @Nullable EntryProcessor<String, Slot, Slot> getBackupProcessor() {
            return null;
        }
    }

    /** Replaces the slot with {@code next} of it if {@code node} still holds it under {@code epoch}; returns whether it did. */
    private static Boolean ifHeld(Map.Entry<String, Slot> entry, String node, long epoch,
            Function<Slot, @Nullable Slot> next) {
        Slot slot = entry.getValue();
        if (slot == null || !slot.heldBy(node, epoch)) {
            return false;
        }
        entry.setValue(next.apply(slot));
        return true;
    }
}
