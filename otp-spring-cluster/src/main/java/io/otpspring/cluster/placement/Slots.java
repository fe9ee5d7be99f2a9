package io.otpspring.cluster.placement;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.otpspring.cluster.transport.Members;
import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * A distributed supervisor's keys in their map ({@value #PREFIX}{@code <name>}), one {@link Slot}
 * each, and which node owns each key: the owner of the key's partition.
 */
final class Slots {

    static final String PREFIX = "otp.placement.";

    private final HazelcastInstance hazelcast;
    private final IMap<String, Slot> map;

    Slots(HazelcastInstance hazelcast, String supervisor) {
        this.hazelcast = hazelcast;
        this.map = hazelcast.getMap(PREFIX + supervisor);
    }

    /** The node that owns {@code key}'s partition, or {@code null} while it has none (a fresh cluster, a migration). */
    @Nullable
    String ownerOf(String key) {
        Member owner = hazelcast.getPartitionService().getPartition(key).getOwner();
        return owner == null ? null : Members.nameOf(owner);
    }

    /** The keys of the partitions this member owns. */
    Set<String> localKeys() {
        return map.localKeySet();
    }

    /** See {@link SlotOp.Want}. */
    Slot want(String key, @Nullable Object initial) {
        return map.executeOnKey(key, new SlotOp.Want(initial));
    }

    /** See {@link SlotOp.Claim}: the claim of {@code node} on {@code key} as it was in {@code seen}. */
    @Nullable
    Slot claim(String key, String node, Slot seen) {
        return map.executeOnKey(key, new SlotOp.Claim(node, seen.node(), seen.epoch()));
    }

    boolean started(String key, String node, long epoch, Pid pid) {
        return map.executeOnKey(key, new SlotOp.Started(node, epoch, pid));
    }

    boolean save(String key, String node, long epoch, @Nullable Object state) {
        return map.executeOnKey(key, new SlotOp.Save(node, epoch, state));
    }

    boolean release(String key, String node, long epoch) {
        return map.executeOnKey(key, new SlotOp.Release(node, epoch));
    }

    boolean finish(String key, String node, long epoch) {
        return map.executeOnKey(key, new SlotOp.Finish(node, epoch));
    }

    void releaseNode(String node) {
        map.executeOnEntries(new SlotOp.ReleaseNode(node));
    }

    /** The placement of {@code key}, without its state; {@code null} when it is not wanted. */
    @Nullable
    Slot read(String key) {
        return map.executeOnKey(key, new SlotOp.Read());
    }

    /**
     * The placement of {@code key} as {@link #read(String)} gives it, if the read answers within
     * {@code timeout}: a key whose partition has no owner yet (its member just died) is retried by
     * Hazelcast until it has one; until then this gives {@code null}, as for a key not running.
     */
    @Nullable
    Slot readWithin(String key, Duration timeout) {
        try {
            return map.submitToKey(key, new SlotOp.Read()).toCompletableFuture().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (TimeoutException moving) {
            return null;
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
        catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed.getCause());
        }
    }

    /** The placements of those of {@code keys} that are wanted. */
    Map<String, Slot> read(Set<String> keys) {
        return keys.isEmpty() ? Map.of() : map.executeOnKeys(keys, new SlotOp.Read());
    }

    /** Every wanted key's placement. */
    Map<String, Slot> readAll() {
        return map.executeOnEntries(new SlotOp.Read());
    }

    /** Removes {@code key}; returns its last placement, or {@code null} when it was not wanted. */
    @Nullable
    Slot remove(String key) {
        Slot removed = map.remove(key);
        return removed == null ? null : removed.placement();
    }
}
