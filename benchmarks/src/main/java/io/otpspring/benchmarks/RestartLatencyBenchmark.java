package io.otpspring.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.process.RegisteredName;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.core.supervision.SupervisorSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Crash-to-recovery latency of a supervised, named GenServer. Each operation crashes the current
 * incarnation (a cast whose handler throws), then calls the server by name until a reply comes
 * from a new incarnation: crash, exit signal, the supervisor's decision, the restart ({@code init}
 * of a fresh instance, which inherits the name and the queued call) and the first call served.
 * {@code SampleTime} reports the median and p99; a full run does well over 10,000 cycles (JMH's
 * sample count {@code N}, as every invocation is sampled at this rate).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = { Jvm.HEAP_MIN, Jvm.HEAP_MAX })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Threads(1)
public class RestartLatencyBenchmark {

    private static final String NAME = "restartee";
    private static final String CRASH = "crash";
    private static final String WHO = "who";

    /** otp-spring: a node whose supervisor restarts one named server as often as it crashes. */
    @State(Scope.Benchmark)
    public static class Otp {

        Node node;
        Pid supervisor;
        RegisteredName server;
        Pid current;

        @Setup
        public void start() {
            node = Node.start("bench");
            // a restart budget no run can exhaust; the short period keeps its window of restart times small
            supervisor = Supervisor.start(node, SupervisorSpec.oneForOne(
                    ChildSpec.worker(NAME, Restartee::new).withName(NAME))
                    .withIntensity(Integer.MAX_VALUE, Duration.ofMillis(1)));
            server = node.named(NAME);
            current = GenServer.call(server, WHO);
        }

        @TearDown
        public void stop() {
            node.stop(supervisor, ExitReason.SHUTDOWN, null);
            node.close();
        }
    }

    /** Answers a call with its own pid; crashes on any cast. */
    static final class Restartee implements GenServer {

        private Pid self;

        @Override
        public void init(ProcessContext context) {
            self = context.self();
        }

        @Override
        public Reply handleCall(Object request, From from) {
            return Reply.of(self);
        }

        @Override
        public void handleCast(Object message) {
            throw new IllegalStateException(CRASH);
        }
    }

    @Benchmark
    public Pid otpCrashToFirstReply(Otp otp) {
        Pid crashed = otp.current;
        GenServer.cast(crashed, CRASH);
        Pid answered = crashed;
        while (answered.equals(crashed)) {
            try {
                answered = GenServer.call(otp.server, WHO);
            }
            catch (ExitException notRestartedYet) {
                Thread.onSpinWait();
            }
        }
        otp.current = answered;
        return answered;
    }
}
