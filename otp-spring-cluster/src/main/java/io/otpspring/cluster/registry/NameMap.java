package io.otpspring.cluster.registry;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import org.jspecify.annotations.Nullable;

/**
 * A namespace's Hazelcast map, name to {@link Holder}: every change is one atomic operation on the
 * member that owns the name, and a change refused for lack of quorum is a {@link QuorumLostException}.
 */
final class NameMap {

    private static final System.Logger LOG = System.getLogger(NameMap.class.getName());

    private final IMap<String, Holder> map;
    private final String namespace;
    private final int quorum;

    NameMap(IMap<String, Holder> map, String namespace, int quorum) {
        this.map = map;
        this.namespace = namespace;
        this.quorum = quorum;
    }

    @Nullable
    Holder get(String name) {
        return map.get(name);
    }

    Set<Map.Entry<String, Holder>> entries() {
        return map.entrySet();
    }

    Set<Map.Entry<String, Holder>> entries(Predicate<String, Holder> predicate) {
        return map.entrySet(predicate);
    }

    /** {@link Claim}s {@code name}: {@code null} when {@code claimant} holds it now, otherwise who keeps it. */
    @Nullable
    Holder claim(String name, Holder claimant, @Nullable Holder replacing) {
        return change(() -> map.executeOnKey(name, new Claim(claimant, replacing)));
    }

    /** Frees {@code name} whoever holds it; returns who did. */
    @Nullable
    Holder remove(String name) {
        return change(() -> map.remove(name));
    }

    /**
     * Frees {@code name} if {@code holder} still holds it (see {@link Release}), without waiting:
     * a failure (no quorum, the instance shutting down) is only logged, as the name's holder is
     * then checked again when the split heals or the node comes back.
     */
    void release(String name, Holder holder, boolean onlyIfNodeGone) {
        try {
            map.submitToKey(name, new Release(holder, onlyIfNodeGone)).whenComplete((released, failure) -> {
                if (failure != null) {
                    notReleased(name, failure);
                }
            });
        }
        catch (RuntimeException failure) {
            notReleased(name, failure);
        }
    }

    private void notReleased(String name, Throwable failure) {
        LOG.log(System.Logger.Level.DEBUG, () -> "registry '" + namespace + "' could not free '" + name + "' now: " + failure);
    }

    private <T> T change(Supplier<T> operation) {
        try {
            return operation.get();
        }
        catch (SplitBrainProtectionException refused) {
            throw new QuorumLostException(namespace, quorum, refused);
        }
    }
}
