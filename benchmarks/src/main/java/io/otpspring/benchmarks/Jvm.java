package io.otpspring.benchmarks;

/**
 * The flags of every forked benchmark JVM, used in each {@code @Fork(jvmArgsAppend = …)} so that
 * the full run and the smoke run measure the same JVM (never override them on the command line).
 * Public for the benchmarks in sub-packages ({@code io.otpspring.benchmarks.spring}).
 */
public final class Jvm {

    public static final String HEAP_MIN = "-Xms4g";
    public static final String HEAP_MAX = "-Xmx4g";

    private Jvm() {
    }
}
