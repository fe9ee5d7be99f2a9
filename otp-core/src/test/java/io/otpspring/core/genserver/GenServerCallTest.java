package io.otpspring.core.genserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.otpspring.core.process.DeadLetter;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GenServerCallTest {

    private final Node node = Node.start("calls");

    @AfterEach
    void close() {
        node.close();
    }

    /** Answers calls by request: echoes, blocks, crashes, defers or stops. */
    static final class Scripted implements GenServer {

        final CountDownLatch release = new CountDownLatch(1);
        final AtomicReference<From> deferred = new AtomicReference<>();
        final List<Object> seen = new ArrayList<>();

        @Override
        public Reply handleCall(Object request, From from) throws Exception {
            seen.add(request);
            return switch (String.valueOf(request)) {
                case "block" -> {
                    release.await();
                    yield Reply.of("released");
                }
                case "crash" -> throw new IllegalStateException("boom");
                case "later" -> {
                    deferred.set(from);
                    yield Reply.later();
                }
                case "null" -> Reply.of(null);
                case "stop-with-reply" -> Reply.stop(ExitReason.NORMAL, "bye");
                case "stop" -> Reply.stop(ExitReason.other("enough"));
                case "seen" -> Reply.of(List.copyOf(seen));
                default -> Reply.of(request);
            };
        }
    }

    /** Calls itself by its registered name when asked to. */
    static final class SelfCalling implements GenServer {
        private io.otpspring.core.process.ProcessContext self;

        @Override
        public void init(io.otpspring.core.process.ProcessContext self) {
            this.self = self;
        }

        @Override
        public Reply handleCall(Object request, From from) {
            if (request.equals("call yourself")) {
                return Reply.of(GenServer.call(self.node().named("narcissus"), "hello"));
            }
            return Reply.of(request);
        }
    }

    @Test
    void aProcessCallingItselfFailsAtOnceInsteadOfWaitingForItsOwnReply() {
        Pid server = GenServer.start(node, new SelfCalling(),
                io.otpspring.core.process.SpawnOptions.defaults().withName("narcissus"));

        assertThatThrownBy(() -> GenServer.call(server, "call yourself", Duration.ofSeconds(30)))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining("called itself");
        assertThat(server.isAlive()).as("the call crashed it, as an exit does in Erlang").isFalse();
        assertThat(server.runsOnCurrentThread()).isFalse();
    }

    @Test
    void repliesToTheCaller() {
        Pid server = GenServer.start(node, new Scripted());

        String reply = GenServer.call(server, "hello");
        Object nothing = GenServer.call(server, "null");

        assertThat(reply).isEqualTo("hello");
        assertThat(nothing).isNull();
    }

    @Test
    void callTimesOutAndTheLateReplyIsCountedAsADeadLetter() {
        Scripted scripted = new Scripted();
        Pid server = GenServer.start(node, scripted);
        List<DeadLetter> letters = new java.util.concurrent.CopyOnWriteArrayList<>();
        node.deadLetters().subscribe(letters::add);

        assertThatThrownBy(() -> GenServer.call(server, "block", Duration.ofMillis(50)))
                .isInstanceOf(CallTimeoutException.class)
                .hasMessageContaining(server.toString());
        scripted.release.countDown();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(letters)
                .anySatisfy(letter -> assertThat(letter.cause()).isEqualTo(DeadLetter.Cause.LATE_REPLY)));
        assertThat((String) GenServer.call(server, "after")).isEqualTo("after");
    }

    @Test
    void callToADeadProcessFailsAtOnceWithNoproc() {
        Pid server = GenServer.start(node, new Scripted());
        node.exit(server, ExitReason.KILL);
        await().until(() -> !server.isAlive());

        assertThatThrownBy(() -> GenServer.call(server, "hello", Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(ExitException.class,
                        exit -> assertThat(exit.reason()).isEqualTo(ExitReason.NOPROC));
    }

    @Test
    void callByAnUnknownNameFailsWithNoproc() {
        assertThatThrownBy(() -> GenServer.call(node.named("nobody"), "hello"))
                .isInstanceOfSatisfying(ExitException.class,
                        exit -> assertThat(exit.reason()).isEqualTo(ExitReason.NOPROC));
    }

    @Test
    void callerLearnsWhyTheServerCrashedWhileHandlingItsCall() {
        Pid server = GenServer.start(node, new Scripted());

        assertThatThrownBy(() -> GenServer.call(server, "crash"))
                .isInstanceOfSatisfying(ExitException.class, exit -> {
                    assertThat(exit.pid()).isEqualTo(server);
                    assertThat(exit.reason()).isInstanceOf(ExitReason.Crash.class);
                    assertThat(exit.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("boom");
                });
        assertThat(server.isAlive()).isFalse();
    }

    @Test
    void callerOfAKilledServerGetsKilledAtOnceWhileTheHandlerIsStillBlocked() throws Exception {
        Scripted scripted = new Scripted();
        Pid server = GenServer.start(node, scripted);
        try (ExecutorService caller = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Object> call = caller.submit(() -> GenServer.call(server, "block", Duration.ofMinutes(1)));
            await().until(() -> scripted.seen.contains("block"));

            node.exit(server, ExitReason.KILL);

            assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ExitException.class)
                    .cause().satisfies(exit -> assertThat(((ExitException) exit).reason()).isEqualTo(ExitReason.KILLED));
        }
    }

    @Test
    void queuedCallersGetTheExitWhenTheServerDiesBeforeReachingThem() throws Exception {
        Scripted scripted = new Scripted();
        Pid server = GenServer.start(node, scripted);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Object> blocked = callers.submit(() -> GenServer.call(server, "block", Duration.ofMinutes(1)));
            await().until(() -> scripted.seen.contains("block"));
            List<Future<Object>> queued = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                queued.add(callers.submit(() -> GenServer.call(server, "queued", Duration.ofMinutes(1))));
            }
            await().until(() -> node.mailboxSize(server) == 10);

            node.exit(server, ExitReason.other("stopped by test"));

            for (Future<Object> call : queued) {
                assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ExitException.class);
            }
            assertThatThrownBy(() -> blocked.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ExitException.class);
        }
    }

    @Test
    void replyLaterFromAnotherThread() throws Exception {
        Scripted scripted = new Scripted();
        Pid server = GenServer.start(node, scripted);
        try (ExecutorService caller = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Object> call = caller.submit(() -> GenServer.call(server, "later"));
            await().until(() -> scripted.deferred.get() != null);
            assertThat((String) GenServer.call(server, "still serving")).isEqualTo("still serving");

            GenServer.reply(scripted.deferred.get(), "answered");

            assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("answered");
        }
    }

    @Test
    void deferredCallerGetsTheExitWhenTheServerDiesBeforeAnswering() throws Exception {
        Scripted scripted = new Scripted();
        Pid server = GenServer.start(node, scripted);
        try (ExecutorService caller = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Object> call = caller.submit(() -> GenServer.call(server, "later", Duration.ofMinutes(1)));
            await().until(() -> scripted.deferred.get() != null);

            GenServer.cast(server, "not a cast it handles");

            assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ExitException.class)
                    .hasRootCauseInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void stopReplyAnswersThenStops() {
        Pid server = GenServer.start(node, new Scripted());

        String reply = GenServer.call(server, "stop-with-reply");

        assertThat(reply).isEqualTo("bye");
        assertThat(node.awaitExit(server, Duration.ofSeconds(5))).isEqualTo(ExitReason.NORMAL);
    }

    @Test
    void stopWithoutReplyGivesTheCallerTheReason() {
        Pid server = GenServer.start(node, new Scripted());

        assertThatThrownBy(() -> GenServer.call(server, "stop"))
                .isInstanceOfSatisfying(ExitException.class,
                        exit -> assertThat(exit.reason()).isEqualTo(ExitReason.other("enough")));
    }

    @Test
    void thousandsOfConcurrentCallersAllGetTheirOwnReply() throws Exception {
        Pid server = GenServer.start(node, new Scripted());
        int callers = 10_000;
        List<Future<Object>> replies = new ArrayList<>(callers);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < callers; i++) {
                Integer request = i;
                replies.add(pool.submit(() -> GenServer.call(server, request, Duration.ofSeconds(30))));
            }
            for (int i = 0; i < callers; i++) {
                assertThat(replies.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
            }
        }
        List<?> seen = GenServer.call(server, "seen");
        assertThat(seen).hasSize(callers + 1);
    }
}
