package io.otpspring.core.telemetry;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.DeadLetter;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.SpawnOptions;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.DynamicSupervisor;
import io.otpspring.core.supervision.DynamicSupervisorSpec;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.core.supervision.SupervisorSpec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A node's telemetry sees every handled message with the sender's context, every crash and every restart. */
class TelemetryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** The "trace" of the thread: what a tracer's thread-local context would be. */
    private static final ThreadLocal<String> TRACE = new ThreadLocal<>();

    private final Node node = Node.start("telemetry");
    private final Recording telemetry = new Recording();

    @AfterEach
    void closeNode() {
        node.close();
    }

    /** Captures the sender's trace, restores it around the handler, and records what it sees. */
    static final class Recording implements Telemetry {

        final Queue<HandledMessage> handled = new ConcurrentLinkedQueue<>();
        final Queue<String> events = new ConcurrentLinkedQueue<>();

        @Override
        public @Nullable Object capture() {
            return TRACE.get();
        }

        @Override
        public void handle(HandledMessage message, MessageHandler handler) throws Exception {
            handled.add(message);
            TRACE.set((String) message.context());
            try {
                handler.run();
            }
            finally {
                TRACE.remove();
            }
        }

        @Override
        public void processCrashed(Pid pid, String label, Throwable cause) {
            events.add("crashed:" + label + ":" + cause.getMessage());
        }

        @Override
        public void childRestarted(Pid supervisor, String supervisorLabel, String childId) {
            events.add("restarted:" + supervisorLabel + "/" + childId);
        }
    }

    /** Answers every call with the trace it runs in; crashes on "boom". */
    static class TraceEcho implements GenServer {

        final Queue<String> seen = new ConcurrentLinkedQueue<>();

        @Override
        public Reply handleCall(Object request, From from) {
            if ("boom".equals(request)) {
                throw new IllegalStateException("boom on purpose");
            }
            return Reply.of(String.valueOf(TRACE.get()));
        }

        @Override
        public void handleCast(Object message) {
            seen.add("cast " + message + " in " + TRACE.get());
        }

        @Override
        public void handleInfo(Object message) {
            seen.add("info " + message + " in " + TRACE.get());
        }
    }

    @Test
    void eachMessageIsHandledWithinTheContextItsSenderHadAndReportedWithItsKind() {
        node.useTelemetry(telemetry);
        TraceEcho echo = new TraceEcho();
        Pid pid = GenServer.start(node, echo, SpawnOptions.defaults().withName("echo"));

        TRACE.set("trace-1");
        try {
            assertThat((String) GenServer.call(pid, "hello")).isEqualTo("trace-1");
            GenServer.cast(pid, "c");
            pid.send("i");
        }
        finally {
            TRACE.remove();
        }
        assertThat((String) GenServer.call(pid, "untraced")).isEqualTo("null");

        await().atMost(WAIT).until(() -> echo.seen.size() == 2);
        assertThat(echo.seen).containsExactly("cast c in trace-1", "info i in trace-1");
        assertThat(telemetry.handled).extracting(HandledMessage::label, HandledMessage::kind, HandledMessage::payload,
                HandledMessage::context).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("echo", MessageKind.CALL, "hello", "trace-1"),
                        org.assertj.core.groups.Tuple.tuple("echo", MessageKind.CAST, "c", "trace-1"),
                        org.assertj.core.groups.Tuple.tuple("echo", MessageKind.INFO, "i", "trace-1"),
                        org.assertj.core.groups.Tuple.tuple("echo", MessageKind.CALL, "untraced", null));
    }

    @Test
    void aCrashIsReportedWithTheProcessLabelAndATracedCallerStillGetsTheExit() {
        node.useTelemetry(telemetry);
        Pid pid = GenServer.start(node, new TraceEcho(), SpawnOptions.defaults().withLabel("echo-kind"));

        TRACE.set("trace-2");
        try {
            assertThatThrownBy(() -> GenServer.call(pid, "boom")).isInstanceOf(ExitException.class);
        }
        finally {
            TRACE.remove();
        }

        assertThat(telemetry.events).containsExactly("crashed:echo-kind:boom on purpose");
    }

    @Test
    void supervisorsReportRestartsWithTheirLabelAndTheChildId() {
        node.useTelemetry(telemetry);
        Pid sup = Supervisor.start(node, SupervisorSpec.oneForOne(ChildSpec.worker("echo", TraceEcho::new)),
                SpawnOptions.defaults().withName("top"));
        Pid dynamic = DynamicSupervisor.start(node, DynamicSupervisorSpec.defaults(),
                SpawnOptions.defaults().withLabel("carts"));
        Pid cart = DynamicSupervisor.startChild(dynamic, ChildSpec.worker("cart", TraceEcho::new)).orElseThrow();

        assertThatThrownBy(() -> GenServer.call(Supervisor.whichChildren(sup).getFirst().pid(), "boom"))
                .isInstanceOf(ExitException.class);
        assertThatThrownBy(() -> GenServer.call(cart, "boom")).isInstanceOf(ExitException.class);

        // a dynamic supervisor's children are labelled with its own label: many children, one tag value
        await().atMost(WAIT).untilAsserted(() -> assertThat(telemetry.events).containsExactlyInAnyOrder(
                "crashed:echo:boom on purpose", "restarted:top/echo",
                "crashed:carts:boom on purpose", "restarted:carts/carts"));
    }

    @Test
    void deadLettersCarryTheMessageNotItsEnvelope() throws InterruptedException {
        node.useTelemetry(telemetry);
        List<DeadLetter> letters = new java.util.concurrent.CopyOnWriteArrayList<>();
        node.deadLetters().subscribe(letters::add);
        Pid pid = GenServer.start(node, new TraceEcho());
        node.stop(pid, ExitReason.NORMAL, WAIT);

        TRACE.set("trace-3");
        try {
            pid.send("too late");
        }
        finally {
            TRACE.remove();
        }

        assertThat(letters).extracting(DeadLetter::message).containsExactly("too late");
    }

    @Test
    void messagesQueuedForACrashedProcessReachItsSuccessorWithTheirContext() throws InterruptedException {
        node.useTelemetry(telemetry);
        CountDownLatch release = new CountDownLatch(1);
        TraceEcho[] incarnations = new TraceEcho[2];
        int[] started = {0};
        Pid sup = Supervisor.start(node, SupervisorSpec.oneForOne(ChildSpec.worker("blocking", () -> {
            TraceEcho echo = new TraceEcho() {
                @Override
                public void handleInfo(Object message) {
                    if ("block".equals(message)) {
                        awaitQuietly(release);
                        throw new IllegalStateException("crash while others wait");
                    }
                    super.handleInfo(message);
                }
            };
            incarnations[started[0]++] = echo;
            return echo;
        })));
        Pid first = Supervisor.whichChildren(sup).getFirst().pid();
        first.send("block");
        TRACE.set("trace-4");
        try {
            first.send("queued");
        }
        finally {
            TRACE.remove();
        }
        release.countDown();

        await().atMost(WAIT).until(() -> incarnations[1] != null && !incarnations[1].seen.isEmpty());
        assertThat(incarnations[1].seen).containsExactly("info queued in trace-4");
    }

    @Test
    void withoutTelemetryNothingIsCapturedAndHandlersRunAsUsual() {
        TraceEcho echo = new TraceEcho();
        Pid pid = GenServer.start(node, echo);
        TRACE.set("ignored");
        try {
            assertThat((String) GenServer.call(pid, "hello")).isEqualTo("null");
        }
        finally {
            TRACE.remove();
        }
        assertThat(node.telemetry()).isSameAs(Telemetry.NONE);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
