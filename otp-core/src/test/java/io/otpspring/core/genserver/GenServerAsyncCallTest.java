package io.otpspring.core.genserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.otpspring.core.genserver.GenServerCallTest.Scripted;
import io.otpspring.core.process.DeadLetter;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code callAsync}: the same three outcomes as a blocking call, delivered through a future. */
class GenServerAsyncCallTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Node node = Node.start("async-calls");

    @AfterEach
    void close() {
        node.close();
    }

    @Test
    void theFutureCompletesWithTheReplyNowOrLater() throws Exception {
        Scripted scripted = new Scripted();
        Pid server = GenServer.start(node, scripted);

        CompletableFuture<String> now = GenServer.callAsync(server, "hello", WAIT);
        CompletableFuture<String> later = GenServer.callAsync(server, "later", WAIT);
        assertThat(now.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("hello");
        await().atMost(WAIT).until(() -> scripted.deferred.get() != null);
        assertThat(later).isNotDone();
        scripted.deferred.get().reply("answered");

        assertThat(later.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("answered");
    }

    @Test
    void aCrashWhileHandlingFailsTheFutureWithTheExit() {
        Pid server = GenServer.start(node, new Scripted());

        CompletableFuture<Object> reply = GenServer.callAsync(server, "crash", WAIT);

        assertThatThrownBy(() -> reply.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ExitException.class)
                .hasMessageContaining("boom");
    }

    @Test
    void aServerThatIsNotAliveFailsTheFutureWithNoproc() {
        Pid server = GenServer.start(node, new Scripted());
        node.stop(server, ExitReason.NORMAL, WAIT);

        assertThat(GenServer.callAsync(server, "hello", WAIT)).failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(ExitException.class);
        assertThat(GenServer.callAsync(node.named("nobody"), "hello", WAIT)).failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(ExitException.class);
    }

    @Test
    void noReplyInTimeFailsTheFutureAndTheLateReplyIsCounted() throws Exception {
        Scripted scripted = new Scripted();
        Pid server = GenServer.start(node, scripted);
        List<DeadLetter> letters = new CopyOnWriteArrayList<>();
        node.deadLetters().subscribe(letters::add);

        CompletableFuture<Object> reply = GenServer.callAsync(server, "block", Duration.ofMillis(50));

        assertThat(reply).failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(CallTimeoutException.class);
        scripted.release.countDown();
        await().atMost(WAIT).until(() -> letters.stream().anyMatch(letter -> letter.cause() == DeadLetter.Cause.LATE_REPLY
                && letter.message().equals("released")));
    }
}
