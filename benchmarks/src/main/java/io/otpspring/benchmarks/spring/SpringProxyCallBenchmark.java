package io.otpspring.benchmarks.spring;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.otpspring.benchmarks.Jvm;
import io.otpspring.benchmarks.spring.SpringBeans.Counter;
import io.otpspring.benchmarks.spring.SpringBeans.PlainCounter;
import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.RegisteredName;
import io.otpspring.core.process.SpawnOptions;
import io.otpspring.core.telemetry.Telemetry;
import io.otpspring.spring.autoconfigure.metrics.OtpMetricsAutoConfiguration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * What the proxy of a {@code @GenServer} bean costs on top of a core {@code call}. One client thread
 * increments a counter and waits for the new value, four ways, in one context on one node:
 * <ul>
 * <li>{@code otpProxyCallLatency}: {@code counter.increment()} on the injected proxy of a
 * {@code @GenServer} bean (CGLIB calls the callback made for {@code increment}, which sends the
 * {@code Invocation} message made for it in advance, as the method takes no arguments, in a call
 * to the bean's registered name; the process invokes the handler through its method handle);</li>
 * <li>{@code otpCoreCallLatency}: {@code GenServer.call(pid, request)} on a core GenServer doing the same
 * increment;</li>
 * <li>{@code otpCoreCallByNameLatency}: the same call to the server's registered name, which the proxy
 * resolves on every call as well (it must reach the current incarnation after a restart);</li>
 * <li>{@code otpDirectCall}: the same method on a plain singleton bean, the floor.</li>
 * </ul>
 * The calls that are messages are sampled ({@code SampleTime}, in µs: the mean, p50, p99, ...); the
 * direct call, a few nanoseconds, below what a sample can time, is averaged ({@code AverageTime}, in ns).
 * Run with {@code -prof gc} for the bytes each call allocates ({@code gc.alloc.rate.norm}).
 * <p>
 * Each runs twice, by {@code telemetry}: {@code off}, the node's default {@link Telemetry#NONE}; and
 * {@code observed}, what a Boot application with the actuator gets: the context also has a
 * {@link SimpleMeterRegistry}, an {@link ObservationRegistry} with a {@link DefaultMeterObservationHandler}
 * on it, and {@link OtpMetricsAutoConfiguration}, which installs {@code ObservedTelemetry} on the node.
 * Then each message sent captures a {@code ContextSnapshot} of the sender's thread-locals, and each
 * message handled restores it and runs inside an {@code otp.process.messages} Observation, which the
 * handler turns into a long-task timer sample while it runs and a {@code Timer} recording (tagged
 * process, kind, outcome) when it ends. A call is one send and one handled message, whichever way
 * it is made; {@code otpDirectCall} sends none, so it should not move.
 */
@Fork(value = 2, jvmArgsAppend = { Jvm.HEAP_MIN, Jvm.HEAP_MAX })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Threads(1)
public class SpringProxyCallBenchmark {

    private static final String INCREMENT = "increment";
    private static final String CORE_NAME = "coreCounter";

    /**
     * otp-spring: a context with a {@code @GenServer} counter (running under the process tree) and a
     * plain one, and a core counter server started on the context's node; with or without telemetry.
     */
    @State(Scope.Benchmark)
    public static class Otp {

        @Param({ "off", "observed" })
        String telemetry;

        AnnotationConfigApplicationContext context;
        Counter counter;
        PlainCounter plain;
        Pid core;
        RegisteredName coreByName;

        @Setup
        public void start() {
            context = SpringBeans.otpContext();
            boolean observed = switch (telemetry) {
                case "off" -> false;
                case "observed" -> true;
                default -> throw new IllegalArgumentException("telemetry: off or observed, not " + telemetry);
            };
            if (observed) {
                // what Boot's metrics and observation auto-configurations set up, without the rest of Boot
                SimpleMeterRegistry meters = new SimpleMeterRegistry();
                ObservationRegistry observations = ObservationRegistry.create();
                observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
                context.registerBean(MeterRegistry.class, () -> meters);
                context.registerBean(ObservationRegistry.class, () -> observations);
                context.register(OtpMetricsAutoConfiguration.class);
            }
            context.registerBean("counter", Counter.class);
            context.registerBean("plainCounter", PlainCounter.class);
            context.refresh();
            counter = context.getBean(Counter.class);
            plain = context.getBean(PlainCounter.class);
            if (!AopUtils.isCglibProxy(counter) || AopUtils.isAopProxy(plain)) {
                throw new IllegalStateException("expected a proxy for the @GenServer bean only, got " + counter
                        + " and " + plain);
            }
            Node node = context.getBean(Node.class);
            if ((node.telemetry() != Telemetry.NONE) != observed) {
                throw new IllegalStateException("telemetry " + telemetry + " but the node has " + node.telemetry());
            }
            core = GenServer.start(node, new CoreCounter(), SpawnOptions.defaults().withName(CORE_NAME));
            coreByName = node.named(CORE_NAME);
        }

        @TearDown
        public void stop() {
            // stops the process tree gracefully, then the node kills what is left: the core counter
            context.close();
        }
    }

    /** {@link Counter}'s work as a core GenServer: increments on any call and replies with the count. */
    static final class CoreCounter implements GenServer {

        private long count;

        @Override
        public Reply handleCall(Object request, From from) {
            return Reply.of(++count);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long otpDirectCall(Otp otp) {
        return otp.plain.increment();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long otpProxyCallLatency(Otp otp) {
        return otp.counter.increment();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long otpCoreCallLatency(Otp otp) {
        return GenServer.<Long>call(otp.core, INCREMENT);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long otpCoreCallByNameLatency(Otp otp) {
        return GenServer.<Long>call(otp.coreByName, INCREMENT);
    }
}
