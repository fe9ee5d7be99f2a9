package io.otpspring.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One client, one echo server, one request at a time: the full round trip of a request and its
 * reply, two ways.
 * <ul>
 * <li>From a plain thread that waits for each reply: otp-spring's {@code GenServer.call} (the
 * request enters the server's mailbox, the server handles it, the reply wakes the caller) and
 * Pekko's {@code AskPattern.ask(...).toCompletableFuture().get()} (a temporary actor for the
 * reply, completing a future). Reported twice: round trips per second ({@code Throughput}) and
 * the latency distribution of single ones ({@code SampleTime}: p50, p99, ...).</li>
 * <li>Between two processes ({@code …RequestReply}): a client process or actor sends a request
 * carrying its own address, the server sends the reply back as a plain message, and the client
 * sends the next request as soon as it has the reply, {@value #ROUND_TRIPS} times per invocation;
 * no thread outside the runtime waits on each one. Round trips per second.</li>
 * <li>{@code otpCallFromProcess}: the same {@value #ROUND_TRIPS} round trips from the client
 * process, but each one a {@code GenServer.call} (the process waits for the reply, as an Erlang
 * process does in {@code gen_server:call}); no Pekko twin, an actor does not block.</li>
 * </ul>
 */
@Fork(value = 2, jvmArgsAppend = { Jvm.HEAP_MIN, Jvm.HEAP_MAX })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Threads(1)
public class CallRoundTripBenchmark {

    private static final String REQUEST = "ping";

    /** Round trips per invocation of a {@code …RequestReply} benchmark. */
    static final int ROUND_TRIPS = 1_000;

    /** otp-spring: a node running one echo server and one client process. */
    @State(Scope.Benchmark)
    public static class Otp {

        Node node;
        Pid echo;
        Pid client;

        @Setup
        public void start() {
            node = Node.start("bench");
            echo = GenServer.start(node, new Echo());
            client = GenServer.start(node, new Client(echo));
        }

        @TearDown
        public void stop() {
            node.close();
        }
    }

    /** Apache Pekko: an actor system running one echo actor and one client actor. */
    @State(Scope.Benchmark)
    public static class Pekko {

        ActorSystem<SpawnProtocol.Command> system;
        ActorRef<Ping> echo;
        ActorRef<Object> client;

        @Setup
        public void start() {
            system = PekkoRuntime.start();
            echo = PekkoRuntime.spawn(system, pekkoEcho(), "echo");
            client = PekkoRuntime.spawn(system, pekkoClient(echo), "client");
        }

        @TearDown
        public void stop() {
            PekkoRuntime.stop(system);
        }
    }

    /** Starts {@code roundTrips} request/reply round trips; {@code done} completes after the last reply. */
    record Run(int roundTrips, CompletableFuture<Void> done) {
    }

    /** otp-spring: makes {@code calls} calls one after the other; {@code done} completes after the last reply. */
    record Calls(int calls, CompletableFuture<Void> done) {
    }

    /** The client's side of {@link Run}: how many round trips are left. */
    static final class RoundTrips {

        private int left;
        private @Nullable CompletableFuture<Void> done;

        void start(Run run) {
            left = run.roundTrips();
            done = run.done();
        }

        /** A reply came: whether to send another request (else the run is complete). */
        boolean replied() {
            if (--left > 0) {
                return true;
            }
            done.complete(null);
            return false;
        }
    }

    /** otp-spring: a request for {@link Echo}'s {@code handleInfo}, to be answered to {@code replyTo}. */
    record Request(Pid replyTo) {
    }

    /** Replies to a call with the request, and to a {@link Request} with a plain message. */
    static final class Echo implements GenServer {

        @Override
        public Reply handleCall(Object request, From from) {
            return Reply.of(request);
        }

        @Override
        public void handleInfo(Object message) {
            ((Request) message).replyTo().send(REQUEST);
        }
    }

    /**
     * Sends one {@link Request} (the same one each time) after the other, as a {@link Run} (a cast) says;
     * or calls {@link Echo} as {@link Calls} says.
     */
    static final class Client implements GenServer {

        private final Pid echo;
        private final RoundTrips roundTrips = new RoundTrips();
        private @Nullable Request request;

        Client(Pid echo) {
            this.echo = echo;
        }

        @Override
        public void init(ProcessContext self) {
            request = new Request(self.self());
        }

        @Override
        public void handleCast(Object message) {
            if (message instanceof Calls calls) {
                for (int i = 0; i < calls.calls(); i++) {
                    GenServer.call(echo, REQUEST);
                }
                calls.done().complete(null);
                return;
            }
            roundTrips.start((Run) message);
            echo.send(request);
        }

        @Override
        public void handleInfo(Object reply) {
            if (roundTrips.replied()) {
                echo.send(request);
            }
        }
    }

    /** Pekko: a request to be answered to {@code replyTo}, by an ask or by the client actor. */
    record Ping(ActorRef<String> replyTo) {
    }

    /** Pekko's {@link Echo}. */
    static Behavior<Ping> pekkoEcho() {
        return Behaviors.receiveMessage(ping -> {
            ping.replyTo().tell(REQUEST);
            return Behaviors.same();
        });
    }

    /** Pekko's {@link Client}: a {@link Run} or a reply. */
    static Behavior<Object> pekkoClient(ActorRef<Ping> echo) {
        return Behaviors.setup(context -> {
            Ping ping = new Ping(context.getSelf().narrow());
            RoundTrips roundTrips = new RoundTrips();
            return Behaviors.receiveMessage(message -> {
                if (message instanceof Run run) {
                    roundTrips.start(run);
                    echo.tell(ping);
                }
                else if (roundTrips.replied()) {
                    echo.tell(ping);
                }
                return Behaviors.same();
            });
        });
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object otpCallThroughput(Otp otp) {
        return GenServer.call(otp.echo, REQUEST);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object otpCallLatency(Otp otp) {
        return GenServer.call(otp.echo, REQUEST);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public String pekkoAskThroughput(Pekko pekko) {
        return PekkoRuntime.ask(pekko.system, pekko.echo, Ping::new);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String pekkoAskLatency(Pekko pekko) {
        return PekkoRuntime.ask(pekko.system, pekko.echo, Ping::new);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(ROUND_TRIPS)
    public void otpRequestReply(Otp otp) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        GenServer.cast(otp.client, new Run(ROUND_TRIPS, done));
        done.join();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(ROUND_TRIPS)
    public void pekkoRequestReply(Pekko pekko) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        pekko.client.tell(new Run(ROUND_TRIPS, done));
        done.join();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(ROUND_TRIPS)
    public void otpCallFromProcess(Otp otp) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        GenServer.cast(otp.client, new Calls(ROUND_TRIPS, done));
        done.join();
    }
}
