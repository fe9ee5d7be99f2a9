package io.otpspring.core.supervision;

import java.util.LinkedHashMap;
import java.util.Map;

import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessRef;

/** Reads a supervisor's children through its public API. */
final class Children {

    private Children() {
    }

    /** The current incarnation of each child, in start order ({@code null} when not running). */
    static Map<String, Pid> pids(ProcessRef supervisor) {
        Map<String, Pid> pids = new LinkedHashMap<>();
        Supervisor.whichChildren(supervisor).forEach(child -> pids.put(child.id(), child.pid()));
        return pids;
    }

    static Pid pid(ProcessRef supervisor, String id) {
        return pids(supervisor).get(id);
    }
}
