package io.otpspring.core.process;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The set of processes linked to one process. Most processes have at most one link (their
 * supervisor), so a single link is held without allocating a set. Not thread-safe: the owning
 * cell guards it.
 */
final class Links {

    /** {@code null}, one {@link ProcessCell}, or a {@code Set<ProcessCell>}. */
    private @Nullable Object linked;

    void add(ProcessCell cell) {
        Object current = linked;
        if (current == null) {
            linked = cell;
        }
        else if (current instanceof ProcessCell single) {
            if (single != cell) {
                Set<ProcessCell> set = new HashSet<>(4);
                set.add(single);
                set.add(cell);
                linked = set;
            }
        }
        else {
            asSet(current).add(cell);
        }
    }

    void remove(ProcessCell cell) {
        Object current = linked;
        if (current == cell) {
            linked = null;
        }
        else if (current instanceof Set<?> set) {
            set.remove(cell);
        }
    }

    /** Removes and returns every link. */
    Iterable<ProcessCell> takeAll() {
        Object current = linked;
        linked = null;
        if (current == null) {
            return Collections.emptyList();
        }
        if (current instanceof ProcessCell single) {
            return List.of(single);
        }
        return asSet(current);
    }

    @SuppressWarnings("unchecked")
    private static Set<ProcessCell> asSet(Object value) {
        return (Set<ProcessCell>) value;
    }
}
