package io.otpspring.benchmarks;

import java.lang.management.ManagementFactory;

/** Heap measurements printed by the benchmarks that count bytes per process. */
final class Heap {

    private Heap() {
    }

    /** The used heap after a few full collections: what live objects take. */
    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
