package io.otpspring.core.process;

import java.time.Duration;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.DeadLetter.Cause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.otpspring.core.process.Probe.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterTest {

    private Node node;

    @BeforeEach
    void startNode() {
        node = Node.start("dead-letter-test");
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    /** A GenServer that answers "pong" to any call. */
    private static final class Echo implements GenServer {
        @Override
        public Reply handleCall(Object request, From from) {
            return Reply.of("pong");
        }
    }

    @Test
    void aMessageToADeadPidIsADeadLetter() throws Exception {
        Pid pid = Probe.recording().spawn(node);
        node.exit(pid, ExitReason.KILL);
        assertThat(node.awaitExit(pid, WAIT)).isEqualTo(ExitReason.KILLED);

        try (Probe.DeadLetterLog letters = Probe.deadLetters(node)) {
            long before = node.deadLetters().count();
            pid.send("too late");

            DeadLetter letter = letters.awaitLetter(Cause.RECIPIENT_DEAD, "too late");
            assertThat(letter.recipient()).isEqualTo(pid);
            assertThat(letters.all()).hasSize(1);
            assertThat(node.deadLetters().count()).isEqualTo(before + 1);
        }
    }

    @Test
    void theMessageHandledAtACrashAndThoseStillQueuedAreDeadLetters() throws Exception {
        Probe.Gate gate = new Probe.Gate();
        Probe crasher = Probe.reacting((self, message) -> {
            if ("fatal".equals(message)) {
                gate.pass();
                throw new IllegalStateException("boom");
            }
        });
        Pid pid = crasher.spawn(node);

        try (Probe.DeadLetterLog letters = Probe.deadLetters(node)) {
            pid.send("fatal");
            gate.awaitEntered();
            pid.send("queued 1");
            pid.send("queued 2");
            gate.open();

            assertThat(node.awaitExit(pid, WAIT)).isInstanceOf(ExitReason.Crash.class);
            DeadLetter crashed = letters.awaitLetter(Cause.CRASHED_WHILE_HANDLING, "fatal");
            assertThat(crashed.recipient()).isEqualTo(pid);
            assertThat(letters.awaitLetter(Cause.RECIPIENT_DEAD, "queued 1").recipient()).isEqualTo(pid);
            assertThat(letters.awaitLetter(Cause.RECIPIENT_DEAD, "queued 2").recipient()).isEqualTo(pid);
            assertThat(letters.messages()).containsExactly("fatal", "queued 1", "queued 2");
        }
        assertThat(crasher.received()).containsExactly("fatal");
        assertThat(crasher.terminations()).singleElement().isInstanceOf(ExitReason.Crash.class);
    }

    @Test
    void messagesQueuedAtAKillAreDeadLetters() throws Exception {
        Probe.Gate gate = new Probe.Gate();
        Probe blocked = Probe.reacting((self, message) -> gate.pass());
        Pid pid = blocked.spawn(node);
        pid.send("in hand");
        gate.awaitEntered();
        pid.send("queued");

        try (Probe.DeadLetterLog letters = Probe.deadLetters(node)) {
            node.exit(pid, ExitReason.KILL);
            assertThat(letters.awaitLetter(Cause.RECIPIENT_DEAD, "queued").recipient()).isEqualTo(pid);
        }
        finally {
            gate.open();
        }
        assertThat(blocked.received()).containsExactly("in hand");
    }

    @Test
    void aCallToADeadPidFailsAtOnceWithNoproc() throws Exception {
        Pid server = GenServer.start(node, new Echo());
        assertThat(GenServer.<String>call(server, "ping")).isEqualTo("pong");
        assertThat(node.stop(server, ExitReason.NORMAL, WAIT)).isTrue();

        try (Probe.DeadLetterLog letters = Probe.deadLetters(node)) {
            assertThatThrownBy(() -> GenServer.call(server, "ping", Duration.ofMinutes(1)))
                    .isInstanceOfSatisfying(ExitException.class, ex -> {
                        assertThat(ex.pid()).isEqualTo(server);
                        assertThat(ex.reason()).as("the server was not alive when called").isEqualTo(ExitReason.NOPROC);
                    });
            assertThat(letters.withCause(Cause.RECIPIENT_DEAD)).hasSize(1);
        }
    }

    @Test
    void aCallToAnUnknownNameFailsAtOnceWithNoproc() {
        assertThatThrownBy(() -> GenServer.call(node.named("nobody"), "ping", Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(ExitException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(ExitReason.NOPROC));
    }

    @Test
    void aCallerOfAServerThatCrashesWhileHandlingItGetsTheCrashReason() {
        Pid server = GenServer.start(node, new GenServer() {
            @Override
            public Reply handleCall(Object request, From from) {
                throw new IllegalArgumentException("bad request");
            }
        });

        assertThatThrownBy(() -> GenServer.call(server, "ping", Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(ExitException.class, ex -> {
                    assertThat(ex.reason()).isInstanceOf(ExitReason.Crash.class);
                    assertThat(ex.getCause()).isInstanceOf(IllegalArgumentException.class).hasMessage("bad request");
                });
        assertThat(node.awaitExit(server, WAIT)).isInstanceOf(ExitReason.Crash.class);
    }
}
