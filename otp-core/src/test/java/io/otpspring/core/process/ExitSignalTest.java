package io.otpspring.core.process;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

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
import static org.awaitility.Awaitility.await;

class ExitSignalTest {

    private static final SpawnOptions TRAPPING = SpawnOptions.defaults().withTrapExits(true);

    private Node node;

    @BeforeEach
    void startNode() {
        node = Node.start("exit-signal-test");
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    @Test
    void exitFromAProcessEndsANonTrappingTargetWithThatReason() {
        Probe target = Probe.recording();
        Pid pt = target.spawn(node);
        Probe sender = Probe.recording();
        Pid ps = sender.spawn(node);

        sender.act(self -> self.exit(pt, ExitReason.other("boom")));

        assertThat(node.awaitExit(pt, WAIT)).isEqualTo(ExitReason.other("boom"));
        assertThat(target.terminations()).as("terminate does not run on an untrapped exit signal").isEmpty();
        assertThat(ps.isAlive()).as("exit/2 does not link the sender").isTrue();
    }

    @Test
    void exitFromTheNodeEndsANonTrappingTargetWithThatReason() {
        Probe target = Probe.recording();
        Pid pt = target.spawn(node);

        node.exit(pt, ExitReason.other("boom"));

        assertThat(pt.isAlive()).as("dead at once").isFalse();
        assertThat(node.awaitExit(pt, WAIT)).isEqualTo(ExitReason.other("boom"));
        assertThat(node.processes()).doesNotContain(pt);
    }

    @Test
    void aTrappingTargetReceivesExitMessagesNamingTheSender() {
        Probe target = Probe.recording();
        Pid pt = target.spawn(node, TRAPPING);
        Probe sender = Probe.recording();
        Pid ps = sender.spawn(node);

        sender.act(self -> self.exit(pt, ExitReason.other("from a process")));
        node.exit(pt, ExitReason.other("from the node"));

        assertThat(target.next(Exit.class)).isEqualTo(new Exit(ps, ExitReason.other("from a process")));
        assertThat(target.next(Exit.class)).isEqualTo(new Exit(null, ExitReason.other("from the node")));
        assertThat(pt.isAlive()).isTrue();
    }

    @Test
    void aNormalExitSignalIsIgnoredUnlessTrapped() {
        Probe plain = Probe.recording();
        Pid pp = plain.spawn(node);
        Probe trapper = Probe.recording();
        Pid pt = trapper.spawn(node, TRAPPING);

        node.exit(pp, ExitReason.NORMAL);
        node.exit(pt, ExitReason.NORMAL);

        assertThat(trapper.next(Exit.class)).isEqualTo(new Exit(null, ExitReason.NORMAL));
        assertThat(pp.isAlive()).isTrue();
        pp.send("still here");
        assertThat(plain.next()).isEqualTo("still here");
        assertThat(plain.received()).containsExactly("still here");
        assertThat(pt.isAlive()).isTrue();
    }

    @Test
    void shutdownEndsANonTrappingProcessAndReachesATrappingOneAsAMessage() {
        Probe plain = Probe.recording();
        Pid pp = plain.spawn(node);
        Probe trapper = Probe.reacting((self, message) -> {
            if (message instanceof Exit exit) {
                self.stop(exit.reason());
            }
        });
        Pid pt = trapper.spawn(node, TRAPPING);

        node.exit(pp, ExitReason.shutdown("maintenance"));
        node.exit(pt, ExitReason.SHUTDOWN);

        assertThat(node.awaitExit(pp, WAIT)).isEqualTo(ExitReason.shutdown("maintenance"));
        assertThat(plain.terminations()).isEmpty();
        assertThat(node.awaitExit(pt, WAIT)).isEqualTo(ExitReason.SHUTDOWN);
        assertThat(trapper.terminations()).as("a trapping process stops itself and runs terminate")
                .containsExactly(ExitReason.SHUTDOWN);
    }

    @Test
    void aProcessBlockedInAHandlerIsDeadAtOnceWhenKilledAndItsLeftoverSendsAreDeadLetters() throws Exception {
        Probe.Gate gate = new Probe.Gate();
        Probe recipient = Probe.recording();
        Pid pr = recipient.spawn(node, SpawnOptions.defaults().withName("recipient"));
        Probe blocked = Probe.reacting((self, message) -> {
            if ("block".equals(message)) {
                gate.pass();
                pr.send("after, by pid");
                self.node().named("recipient").send("after, by name");
            }
        });
        Pid pb = blocked.spawn(node, SpawnOptions.defaults().withName("blocked"));
        Probe linked = Probe.recording();
        Pid pl = linked.spawn(node, TRAPPING);
        linked.act(self -> self.link(pb));
        Probe watcher = Probe.recording();
        watcher.spawn(node);
        MonitorRef ref = watcher.ask(self -> self.monitor(pb));
        pb.send("block");
        gate.awaitEntered();

        try (Probe.DeadLetterLog letters = Probe.deadLetters(node)) {
            node.exit(pb, ExitReason.KILL);

            assertThat(pb.isAlive()).as("dead at once, though its handler is still blocked").isFalse();
            assertThat(node.awaitExit(pb, Duration.ZERO)).isEqualTo(ExitReason.KILLED);
            assertThat(node.whereis("blocked")).as("its name is free").isNull();
            assertThat(node.processes()).doesNotContain(pb);
            assertThat(linked.next(Exit.class)).isEqualTo(new Exit(pb, ExitReason.KILLED));
            assertThat(pl.isAlive()).isTrue();
            assertThat(watcher.next(Down.class)).isEqualTo(new Down(ref, pb, ExitReason.KILLED));
            await().atMost(WAIT).until(gate::wasInterrupted);

            gate.open();

            DeadLetter byPid = letters.awaitLetter(Cause.FROM_KILLED_PROCESS, "after, by pid");
            DeadLetter byName = letters.awaitLetter(Cause.FROM_KILLED_PROCESS, "after, by name");
            assertThat(byPid.recipient()).isEqualTo(pr);
            assertThat(byName.recipient()).isEqualTo(pr);
        }
        pr.send("marker");
        assertThat(recipient.next()).isEqualTo("marker");
        assertThat(recipient.received()).containsExactly("marker");
    }

    @Test
    void anUntrappedExitSignalAlsoEndsABlockedProcessAtOnce() {
        Probe.Gate gate = new Probe.Gate();
        Probe blocked = Probe.reacting((self, message) -> gate.pass());
        Pid pb = blocked.spawn(node);
        Probe watcher = Probe.recording();
        watcher.spawn(node);
        watcher.act(self -> self.monitor(pb));
        pb.send("block");
        gate.awaitEntered();

        node.exit(pb, ExitReason.SHUTDOWN);

        try {
            assertThat(pb.isAlive()).isFalse();
            assertThat(watcher.next(Down.class).reason()).isEqualTo(ExitReason.SHUTDOWN);
        }
        finally {
            gate.open();
        }
    }

    @Test
    void aCallerOfAKilledServerGetsTheExitAtOnceAndTheLeftoverReplyIsADeadLetter() throws Exception {
        Probe.Gate gate = new Probe.Gate();
        Pid server = GenServer.start(node, new GenServer() {
            @Override
            public Reply handleCall(Object request, From from) {
                gate.pass();
                return Reply.of("late answer");
            }
        });
        CompletableFuture<Object> caller = CompletableFuture
                .supplyAsync(() -> GenServer.call(server, "question", Duration.ofMinutes(1)));
        gate.awaitEntered();

        try (Probe.DeadLetterLog letters = Probe.deadLetters(node)) {
            node.exit(server, ExitReason.KILL);

            assertThatThrownBy(() -> caller.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(ExitException.class, ex -> {
                        assertThat(ex.pid()).isEqualTo(server);
                        assertThat(ex.reason()).isEqualTo(ExitReason.KILLED);
                    });
            gate.open();
            // the leftover answer is discarded and counted (as a late reply, or as coming from a killed process)
            letters.awaitLetter("for the leftover answer of " + server,
                    letter -> server.equals(letter.recipient())
                            && (letter.cause() == Cause.LATE_REPLY || letter.cause() == Cause.FROM_KILLED_PROCESS));
        }
    }

    /**
     * DESIGN.md section 3: whatever a killed process's leftover thread still does "cannot act as
     * that process". An exit signal it sends must not reach (and kill) another process.
     */
    @Test
    void theLeftoverThreadOfAKilledProcessCannotSendExitSignals() throws Exception {
        Probe.Gate gate = new Probe.Gate();
        Probe victim = Probe.recording();
        Pid pv = victim.spawn(node);
        Probe blocked = Probe.reacting((self, message) -> {
            gate.pass();
            self.exit(pv, ExitReason.other("from the grave"));
            pv.send("done");
        });
        Pid pb = blocked.spawn(node);
        pb.send("block");
        gate.awaitEntered();
        node.exit(pb, ExitReason.KILL);
        assertThat(node.awaitExit(pb, WAIT)).isEqualTo(ExitReason.KILLED);

        try (Probe.DeadLetterLog letters = Probe.deadLetters(node)) {
            gate.open();
            letters.awaitLetter(Cause.FROM_KILLED_PROCESS, "done");
        }

        assertThat(pv.isAlive()).as("the exit signal of a killed process's leftover thread is discarded").isTrue();
        assertThat(node.exitReason(pv)).isNull();
    }
}
