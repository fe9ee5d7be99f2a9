package io.otpspring.core.process;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * A node's registered names. A name stays with a dead incarnation while its supervisor decides
 * whether to restart it, so messages sent by name during a restart reach the new incarnation.
 */
final class NameTable {

    private final ConcurrentHashMap<String, ProcessCell> cells = new ConcurrentHashMap<>();

    /**
     * Registers {@code name} for {@code cell}. A name whose holder is gone for good is taken over,
     * and so is one held by a dead sibling under the same supervisor (a restart registering its name).
     */
    void register(String name, ProcessCell cell) {
        ProcessCell holder = cells.compute(name,
                (key, current) -> current == null || current.isReleased() || current.yieldsNameTo(cell) ? cell : current);
        if (holder != cell) {
            throw new NameTakenException(name, holder.pid());
        }
    }

    /** Moves {@code name} from a dead incarnation to its successor. */
    void transfer(String name, ProcessCell from, ProcessCell to) {
        if (!cells.replace(name, from, to)) {
            register(name, to);
        }
    }

    void unregister(String name, ProcessCell cell) {
        cells.remove(name, cell);
    }

    @Nullable
    ProcessCell lookup(String name) {
        return cells.get(name);
    }

    /** The live holders by name, sorted. */
    Map<String, Pid> snapshot() {
        Map<String, Pid> result = new TreeMap<>();
        cells.forEach((name, cell) -> {
            if (cell.isAlive()) {
                result.put(name, cell.pid());
            }
        });
        return result;
    }
}
