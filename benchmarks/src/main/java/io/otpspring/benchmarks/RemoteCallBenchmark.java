package io.otpspring.benchmarks;

import java.io.Serializable;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.topic.ITopic;
import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;
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
 * One request at a time from this node to a process on another node, and back: two nodes, each
 * with its own Hazelcast member, in one JVM, on loopback (real TCP between the members). The
 * latency distribution of single round trips ({@code SampleTime}: p50, p99, ...); with one caller,
 * round trips per second are 1 / mean.
 * <ul>
 * <li>{@code otpRemoteCall}: {@code GenServer.call} from a plain thread to an echo server on the
 * other node (the request goes on that node's topic, its distribution hands it to the server, the
 * reply comes back on this node's topic and wakes the caller).</li>
 * <li>{@code hazelcastTopicPingPong}, the floor of that transport: a message published on a topic
 * the other member listens on, whose listener publishes the answer on a topic this member listens
 * on, whose listener wakes the caller. No process, no pids, no envelope.</li>
 * <li>{@code hazelcastExecutorRoundTrip}: {@code IExecutorService.submitToMember} of a task that
 * returns its argument, and the future's {@code get}: Hazelcast's own request/response.</li>
 * </ul>
 */
@Fork(value = 2, jvmArgsAppend = { Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.HAZELCAST_MODULES, Jvm.HAZELCAST_EXPORTS_REF,
        Jvm.HAZELCAST_OPENS_LANG, Jvm.HAZELCAST_OPENS_NIO, Jvm.HAZELCAST_OPENS_MANAGEMENT,
        Jvm.HAZELCAST_OPENS_MANAGEMENT_INTERNAL })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Threads(1)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RemoteCallBenchmark {

    /** The first port of this benchmark's range (27700-27799): each member takes the first free one. */
    private static final int BASE_PORT = 27700;
    private static final String REQUEST = "ping";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** Two nodes joined over Hazelcast ("here", where the caller is, and "there"), and the Hazelcast floors' plumbing. */
    @State(Scope.Benchmark)
    public static class TwoNodes {

        LoopbackMember here;
        LoopbackMember there;
        /** An echo server on "there", as "here" sees it. */
        Pid echo;
        /** "there" listens on it, and answers on {@link #pongs}. */
        ITopic<String> pings;
        ITopic<String> pongs;
        volatile @Nullable CompletableFuture<String> pending;
        IExecutorService executor;
        Member thereMember;

        @Setup
        public void start() throws Exception {
            String clusterName = "bench-remote-" + UUID.randomUUID();
            here = LoopbackMember.start(clusterName, "here", BASE_PORT, null);
            there = LoopbackMember.start(clusterName, "there", BASE_PORT, here.address());
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!here.cluster().isConnected("there") || !there.cluster().isConnected("here")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the two members did not see each other within " + START_TIMEOUT);
                }
                Thread.sleep(10);
            }

            Pid server = GenServer.start(there.node(), new Echo());
            echo = here.node().pid(server.node(), server.creation(), server.id());
            requireEcho(GenServer.call(echo, REQUEST, START_TIMEOUT), "otp");

            pings = here.hazelcast().getTopic("bench.ping");
            pongs = here.hazelcast().getTopic("bench.pong");
            ITopic<String> pongsThere = there.hazelcast().getTopic("bench.pong");
            there.hazelcast().<String>getTopic("bench.ping").addMessageListener(message -> pongsThere.publish(message.getMessageObject()));
            pongs.addMessageListener(message -> {
                CompletableFuture<String> waiting = pending;
                if (waiting != null) {
                    waiting.complete(message.getMessageObject());
                }
            });
            requireEcho(topicRoundTrip(), "topic");

            executor = here.hazelcast().getExecutorService("bench");
            thereMember = there.hazelcast().getCluster().getLocalMember();
            requireEcho(executorRoundTrip(), "executor");
        }

        String topicRoundTrip() throws InterruptedException, ExecutionException {
            CompletableFuture<String> reply = new CompletableFuture<>();
            pending = reply;
            pings.publish(REQUEST);
            return reply.get();
        }

        String executorRoundTrip() throws InterruptedException, ExecutionException {
            return executor.submitToMember(new EchoTask(REQUEST), thereMember).get();
        }

        private static void requireEcho(Object answer, String how) {
            if (!REQUEST.equals(answer)) {
                throw new IllegalStateException("the " + how + " round trip answered " + answer);
            }
        }

        @TearDown
        public void stop() {
            for (LoopbackMember member : new LoopbackMember[] { there, here }) {
                if (member != null) {
                    member.close();
                }
            }
        }
    }

    /** Answers a call with its request. */
    static final class Echo implements GenServer {

        @Override
        public Reply handleCall(Object request, From from) {
            return Reply.of(request);
        }
    }

    /** Returns its argument, on the member it is sent to. */
    record EchoTask(String value) implements Callable<String>, Serializable {

        @Override
        public String call() {
            return value;
        }
    }

    @Benchmark
    public Object otpRemoteCall(TwoNodes nodes) {
        return GenServer.call(nodes.echo, REQUEST);
    }

    @Benchmark
    public String hazelcastTopicPingPong(TwoNodes nodes) throws InterruptedException, ExecutionException {
        return nodes.topicRoundTrip();
    }

    @Benchmark
    public String hazelcastExecutorRoundTrip(TwoNodes nodes) throws InterruptedException, ExecutionException {
        return nodes.executorRoundTrip();
    }
}
