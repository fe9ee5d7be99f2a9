package io.otpspring.cluster.jvm;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.otpspring.cluster.FailureDetection;
import io.otpspring.cluster.LoopbackCluster;
import io.otpspring.cluster.NodeDown;
import io.otpspring.cluster.NodeUp;
import io.otpspring.cluster.placement.DistributedSupervisor;
import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;

/**
 * The {@code main} of a node in a JVM of its own ({@link NodeJvm} starts it): a node and its
 * Hazelcast member, joined to a {@link LoopbackCluster} of the test JVM, with a few well-known
 * processes. It tells the test what happens on stdout, one line each, after the time in epoch
 * milliseconds:
 * <ul>
 * <li>{@code pid <name> <node> <creation> <id>}: a process registered locally under {@code name};</li>
 * <li>{@code ready}: joined, and its processes are started;</li>
 * <li>{@code got <n>}: the counter received the number {@code n} (sent or cast);</li>
 * <li>{@code holding}: the counter received the call {@code "hold"}, which it never answers;</li>
 * <li>{@code nodedown <node>} / {@code nodeup <node>}: what a process monitoring nodes saw.</li>
 * </ul>
 * It also runs its part of the {@link Tally#SUPERVISOR} distributed supervisor.
 * It exits when its stdin closes (the test JVM ended), so it never outlives the tests.
 *
 * <p>Arguments: cluster name, base port, node name, heartbeat interval, max no heartbeat and merge
 * delay in seconds.
 */
public final class NodeJvmMain {

    /** The name the counter is registered under. */
    public static final String COUNTER = "counter";

    private static final PrintStream OUT = System.out;

    private NodeJvmMain() {
    }

    public static void main(String[] args) {
        Thread.ofPlatform().daemon().name("stdin-watch").start(NodeJvmMain::exitWhenStdinCloses);
        FailureDetection failureDetection = new FailureDetection(seconds(args[3]), seconds(args[4]), seconds(args[5]));
        LoopbackCluster.Member member = LoopbackCluster.join(args[0], Integer.parseInt(args[1]), failureDetection, args[2]);
        Node node = member.node();

        Pid counter = GenServer.start(node, new Counter());
        node.register(COUNTER, counter);
        Pid nodeWatcher = GenServer.start(node, new NodeWatcher());
        member.cluster().monitorNodes(nodeWatcher);
        DistributedSupervisor.start(member.cluster(), Tally.SUPERVISOR, Tally.FACTORY);

        say("pid " + COUNTER + " " + counter.node() + " " + counter.creation() + " " + counter.id());
        say("ready");
    }

    private static Duration seconds(String seconds) {
        return Duration.ofSeconds(Long.parseLong(seconds));
    }

    /** Writes {@code line} with one write, so that it is whole in the file even if the JVM is killed right after. */
    static synchronized void say(String line) {
        byte[] bytes = (System.currentTimeMillis() + " " + line + "\n").getBytes(StandardCharsets.UTF_8);
        OUT.write(bytes, 0, bytes.length);
        OUT.flush();
    }

    private static void exitWhenStdinCloses() {
        try {
            while (System.in.read() >= 0) {
                // the test JVM never writes; it only holds the pipe open
            }
        }
        catch (IOException closed) {
            // as at the end of input
        }
        Runtime.getRuntime().halt(0);
    }

    /**
     * Counts the numbers it is sent or cast, and says each one; answers {@code "ping"} with
     * {@code "pong"}, {@code "count"} with how many numbers it got, and never answers {@code "hold"}.
     */
    static final class Counter implements GenServer {

        private long count;

        @Override
        public Reply handleCall(Object request, From from) {
            return switch (String.valueOf(request)) {
                case "ping" -> Reply.of("pong");
                case "count" -> Reply.of(count);
                case "hold" -> {
                    say("holding");
                    yield Reply.later();
                }
                default -> throw new IllegalArgumentException("unknown call " + request);
            };
        }

        @Override
        public void handleCast(Object message) {
            handleInfo(message);
        }

        @Override
        public void handleInfo(Object message) {
            if (message instanceof Long n) {
                count++;
                say("got " + n);
            }
        }
    }

    /** Says which nodes go down and come up, as this node sees them. */
    static final class NodeWatcher implements GenServer {

        @Override
        public void handleInfo(Object message) {
            if (message instanceof NodeDown down) {
                say("nodedown " + down.node());
            }
            else if (message instanceof NodeUp up) {
                say("nodeup " + up.node());
            }
        }
    }
}
