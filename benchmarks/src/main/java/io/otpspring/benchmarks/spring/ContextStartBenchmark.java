package io.otpspring.benchmarks.spring;

import java.util.concurrent.TimeUnit;

import io.otpspring.benchmarks.Jvm;
import io.otpspring.benchmarks.spring.SpringBeans.Counter;
import io.otpspring.benchmarks.spring.SpringBeans.PlainCounter;
import io.otpspring.core.process.Node;
import io.otpspring.spring.process.ProcessTree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * What {@code @GenServer} adds to starting and closing an application context. The context has
 * otp-spring's auto-configuration and {@code beans} beans of one class, registered one by one
 * ({@code registerBean("p" + i, …)}): {@link Counter} ({@code kind = GEN_SERVER}, each bean a
 * supervised process behind a proxy) or the same class without the annotation ({@code PLAIN}).
 * <ul>
 * <li>{@code otpRefresh}: {@code refresh()}, the context start: the registrar splits each
 * definition, proxies are made, the first instances built, the tree derived and every process
 * started under the root supervisor before it returns;</li>
 * <li>{@code otpClose}: {@code close()} of a started context: the tree stops gracefully, in reverse
 * start order, each bean instance destroyed, then the node and the singletons.</li>
 * </ul>
 * One new context per iteration ({@code SingleShotTime}), after a full GC. The first iteration of
 * each fork is the cold start (classes loaded, the proxy class generated, nothing compiled yet);
 * the later ones show the steady cost of the same work.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = { Jvm.HEAP_MIN, Jvm.HEAP_MAX })
@Warmup(iterations = 10)
@Measurement(iterations = 20)
public class ContextStartBenchmark {

    /** Which class the beans have. */
    public enum Kind {
        /** {@link Counter}: {@code @GenServer}. */
        GEN_SERVER,
        /** {@link PlainCounter}: the same class without the annotation. */
        PLAIN
    }

    /** otp-spring: a context with its beans registered, not yet refreshed, new for every iteration. */
    @State(Scope.Benchmark)
    public static class Otp {

        @Param("1000")
        int beans;

        @Param({ "GEN_SERVER", "PLAIN" })
        Kind kind;

        AnnotationConfigApplicationContext context;

        @Setup(Level.Iteration)
        public void prepare() {
            context = context(kind, beans);
            System.gc();
        }

        @TearDown(Level.Iteration)
        public void close() {
            requireStarted(context, kind, beans);
            context.close();
        }
    }

    /** otp-spring: the same context, refreshed (processes running), new for every iteration. */
    @State(Scope.Benchmark)
    public static class OtpStarted {

        @Param("1000")
        int beans;

        @Param({ "GEN_SERVER", "PLAIN" })
        Kind kind;

        AnnotationConfigApplicationContext context;

        @Setup(Level.Iteration)
        public void start() {
            context = context(kind, beans);
            context.refresh();
            requireStarted(context, kind, beans);
            System.gc();
        }

        @TearDown(Level.Iteration)
        public void requireClosed() {
            if (context.isActive()) {
                throw new IllegalStateException("the context is still active after close()");
            }
        }
    }

    static AnnotationConfigApplicationContext context(Kind kind, int beans) {
        AnnotationConfigApplicationContext context = SpringBeans.otpContext();
        Class<?> type = kind == Kind.GEN_SERVER ? Counter.class : PlainCounter.class;
        for (int i = 0; i < beans; i++) {
            context.registerBean("p" + i, type);
        }
        return context;
    }

    /** Fails the run unless the context started one registered process per bean ({@code GEN_SERVER}) or none. */
    static void requireStarted(ConfigurableApplicationContext context, Kind kind, int beans) {
        Node node = context.getBean(Node.class);
        long processes = node.registeredNames().keySet().stream().filter(name -> !name.equals(ProcessTree.ROOT)).count();
        long expected = kind == Kind.GEN_SERVER ? beans : 0;
        if (!context.isRunning() || processes != expected) {
            throw new IllegalStateException("expected " + expected + " registered processes in a running context, found "
                    + processes + " (running: " + context.isRunning() + ")");
        }
    }

    @Benchmark
    public ConfigurableApplicationContext otpRefresh(Otp otp) {
        otp.context.refresh();
        return otp.context;
    }

    @Benchmark
    public ConfigurableApplicationContext otpClose(OtpStarted otp) {
        otp.context.close();
        return otp.context;
    }
}
