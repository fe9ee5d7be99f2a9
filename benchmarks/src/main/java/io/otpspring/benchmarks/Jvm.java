package io.otpspring.benchmarks;

/**
 * The flags of every forked benchmark JVM, used in each {@code @Fork(jvmArgsAppend = …)} so that
 * the full run and the smoke run measure the same JVM (never override them on the command line).
 * Public for the benchmarks in sub-packages ({@code io.otpspring.benchmarks.spring}).
 */
public final class Jvm {

    public static final String HEAP_MIN = "-Xms4g";
    public static final String HEAP_MAX = "-Xmx4g";

    /*
     * What Hazelcast asks of a JDK with modules (its documented flags), for the benchmarks that run
     * members: without them it works, with a warning and slower paths.
     */
    public static final String HAZELCAST_MODULES = "--add-modules=java.se";
    public static final String HAZELCAST_EXPORTS_REF = "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED";
    public static final String HAZELCAST_OPENS_LANG = "--add-opens=java.base/java.lang=ALL-UNNAMED";
    public static final String HAZELCAST_OPENS_NIO = "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED";
    public static final String HAZELCAST_OPENS_MANAGEMENT = "--add-opens=java.management/sun.management=ALL-UNNAMED";
    public static final String HAZELCAST_OPENS_MANAGEMENT_INTERNAL = "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED";

    private Jvm() {
    }
}
