package io.otpspring.benchmarks;

import java.util.concurrent.TimeUnit;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
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
 * One client thread calls one echo {@link GenServer} and waits for each reply: the full round
 * trip of a {@code call} (the request enters the server's mailbox, the server handles it, the
 * reply wakes the caller). Reported twice: calls per second ({@code Throughput}) and the
 * latency distribution of single calls ({@code SampleTime}: p50, p99, ...).
 */
@Fork(value = 2, jvmArgsAppend = { Jvm.HEAP_MIN, Jvm.HEAP_MAX })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Threads(1)
public class CallRoundTripBenchmark {

    private static final String REQUEST = "ping";

    /** otp-spring: a node running one echo server. */
    @State(Scope.Benchmark)
    public static class Otp {

        Node node;
        Pid echo;

        @Setup
        public void start() {
            node = Node.start("bench");
            echo = GenServer.start(node, new Echo());
        }

        @TearDown
        public void stop() {
            node.close();
        }
    }

    /** Replies with the request. */
    static final class Echo implements GenServer {

        @Override
        public Reply handleCall(Object request, From from) {
            return Reply.of(request);
        }
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
}
