package io.otpspring.benchmarks;

import java.time.Duration;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

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
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
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

/**
 * Crash-to-recovery latency of a supervised server. Each operation crashes the current
 * incarnation, then asks the server until a reply comes from a new incarnation. {@code SampleTime}
 * reports the median and p99; a full run does well over 10,000 cycles (JMH's sample count
 * {@code N}, as every invocation is sampled at this rate). Crashes come back to back, except in
 * {@code otpIsolatedCrashToFirstReply}, which first waits (untimed) until the supervisor is done
 * with the previous one.
 * <ul>
 * <li>otp-spring: a named GenServer under a one-for-one supervisor. The crash is a cast whose
 * handler throws; then {@code GenServer.call} by name until the reply is a new pid: crash, exit
 * signal, the supervisor's decision, the restart ({@code init} of a fresh instance, which inherits
 * the name and the queued call) and the first call served.</li>
 * <li>Pekko: an actor whose behavior is wrapped in
 * {@code Behaviors.supervise(...).onFailure(SupervisorStrategy.restart())}. The crash is a
 * {@code tell} whose handler throws; then {@code AskPattern.ask} until the reply is a new
 * incarnation's token: the supervision interceptor inside the actor catches the exception, runs
 * the behavior's {@code setup} again and the actor goes on with its mailbox (in Pekko typed an
 * actor restarts itself; its parent is not involved).</li>
 * </ul>
 * Neither runtime's crash report is printed: otp-spring's supervisor logs each crash with its stack
 * trace through {@code System.Logger}, that is {@code java.util.logging} here, whose
 * {@code io.otpspring.core.supervision} logger this benchmark switches off or formats into a
 * discarding stream ({@code crashReports}; printed, every cycle would write a stack trace to stderr
 * and that would dominate); Pekko logs it through SLF4J, which has no provider in the benchmarks
 * (see {@link PekkoRuntime}).
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

    /** Where otp-spring's supervisors log crash reports; held here, as JUL keeps loggers only weakly. */
    private static final Logger CRASH_REPORTS = Logger.getLogger("io.otpspring.core.supervision");

    /**
     * otp-spring: a node whose supervisor restarts one named server as often as it crashes; its
     * crash reports {@code off}, or {@code formatted}: each report with its stack trace formatted by
     * {@link SimpleFormatter} into a stream that discards it (what logging costs the supervisor,
     * without the I/O).
     */
    @State(Scope.Benchmark)
    public static class Otp {

        @Param({ "off", "formatted" })
        String crashReports;

        Node node;
        Pid supervisor;
        RegisteredName server;
        Pid current;

        @Setup
        public void start() {
            CRASH_REPORTS.setUseParentHandlers(false);
            if (crashReports.equals("formatted")) {
                CRASH_REPORTS.setLevel(Level.ALL);
                CRASH_REPORTS.addHandler(new StreamHandler(OutputStream.nullOutputStream(), new SimpleFormatter()));
            }
            else {
                CRASH_REPORTS.setLevel(Level.OFF);
            }
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

    /**
     * otp-spring, crashes one at a time: before each, untimed, a call to the supervisor waits until
     * it has finished with the previous crash (its report written), as when crashes are rare.
     */
    @State(Scope.Benchmark)
    public static class OtpIsolated extends Otp {

        @Setup(org.openjdk.jmh.annotations.Level.Invocation)
        public void awaitIdleSupervisor() {
            Supervisor.countChildren(supervisor);
        }
    }

    /** Apache Pekko: an actor system running one supervised actor that restarts as often as it crashes. */
    @State(Scope.Benchmark)
    public static class Pekko {

        ActorSystem<SpawnProtocol.Command> system;
        ActorRef<Object> restartee;
        Object current;

        @Setup
        public void start() {
            system = PekkoRuntime.start();
            restartee = PekkoRuntime.spawn(system, pekkoRestartee(), NAME);
            current = PekkoRuntime.ask(system, restartee, Who::new);
        }

        @TearDown
        public void stop() {
            PekkoRuntime.stop(system);
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

    /** Pekko: asks for the incarnation's token. */
    record Who(ActorRef<Object> replyTo) {
    }

    /**
     * Pekko's {@link Restartee}: answers a {@link Who} with a token of its incarnation (a new one at each
     * start), crashes on anything else; restarted by its supervision, without limit.
     */
    static Behavior<Object> pekkoRestartee() {
        return Behaviors.supervise(Behaviors.setup(context -> {
            Object incarnation = new Object();
            return Behaviors.receiveMessage(message -> {
                if (message instanceof Who who) {
                    who.replyTo().tell(incarnation);
                    return Behaviors.same();
                }
                throw new IllegalStateException(CRASH);
            });
        })).onFailure(SupervisorStrategy.restart());
    }

    @Benchmark
    public Pid otpCrashToFirstReply(Otp otp) {
        return crashAndAwaitSuccessor(otp);
    }

    @Benchmark
    public Pid otpIsolatedCrashToFirstReply(OtpIsolated otp) {
        return crashAndAwaitSuccessor(otp);
    }

    private static Pid crashAndAwaitSuccessor(Otp otp) {
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

    @Benchmark
    public Object pekkoCrashToFirstReply(Pekko pekko) {
        Object crashed = pekko.current;
        pekko.restartee.tell(CRASH);
        Object answered = crashed;
        while (answered == crashed) {
            answered = PekkoRuntime.ask(pekko.system, pekko.restartee, Who::new);
        }
        pekko.current = answered;
        return answered;
    }
}
