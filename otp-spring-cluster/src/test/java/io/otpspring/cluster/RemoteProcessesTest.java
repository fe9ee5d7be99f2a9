package io.otpspring.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.otpspring.core.genserver.CallTimeoutException;
import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.DeadLetter;
import io.otpspring.core.process.Down;
import io.otpspring.core.process.Exit;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.MonitorRef;
import io.otpspring.core.process.Pid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Send, call, cast, monitor and link across two real Hazelcast members on loopback. */
class RemoteProcessesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static LoopbackCluster cluster;
    private static LoopbackCluster.Member alpha;
    private static LoopbackCluster.Member beta;

    @BeforeAll
    static void start() {
        cluster = new LoopbackCluster("remote");
        alpha = cluster.start("alpha");
        beta = cluster.start("beta");
        await().atMost(WAIT).until(() -> alpha.cluster().isConnected("beta") && beta.cluster().isConnected("alpha"));
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    /** A record Hazelcast's zero-config serialization refuses (UUID and Instant fields): it goes as JSON. */
    record Stamped(UUID id, Instant at, String text) {
    }

    record Append(String item) {
    }

    /** Goes as JSON (a UUID field); refuses to be made with a text in {@link #REFUSED}, such as on its way in. */
    record Picky(UUID id, String text) {

        static final java.util.Set<String> REFUSED = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Picky {
            if (REFUSED.contains(text)) {
                throw new IllegalArgumentException("refused to be made");
            }
        }
    }

    /** Goes as JSON too (an Instant field), with a pid inside. */
    record Signed(Pid by, Instant at, boolean remote) {
    }

    /** Keeps a list: a call returns it, a cast appends to it, a plain message too, "crash" crashes. */
    static final class Journal implements GenServer {

        final List<Object> items = new CopyOnWriteArrayList<>();

        @Override
        public Reply handleCall(Object request, From from) throws InterruptedException {
            if ("crash".equals(request)) {
                throw new IllegalStateException("asked to crash");
            }
            if (request instanceof Stamped stamped) {
                return Reply.of(new Stamped(stamped.id(), stamped.at(), stamped.text() + "!"));
            }
            if (request instanceof Signed signed) {
                return Reply.of(new Signed(signed.by(), signed.at(), signed.by().isRemote()));
            }
            if ("slow".equals(request)) {
                Thread.sleep(300);
                return Reply.of("late");
            }
            if ("immutable".equals(request)) {
                return Reply.of(List.copyOf(items));
            }
            return Reply.of(new ArrayList<>(items));
        }

        @Override
        public void handleCast(Object message) {
            items.add(message);
        }

        @Override
        public void handleInfo(Object message) {
            items.add(message);
        }
    }

    private static Pid remote(LoopbackCluster.Member from, Pid pid) {
        return from.node().pid(pid.node(), pid.creation(), pid.id());
    }

    @Test
    void aCallAndCastsReachAServerOnTheOtherNodeInTheOrderTheyWereSent() {
        Pid journal = GenServer.start(beta.node(), new Journal());
        Pid there = remote(alpha, journal);

        for (int i = 0; i < 200; i++) {
            GenServer.cast(there, new Append("cast " + i));
            there.send("info " + i);
        }
        List<Object> items = GenServer.call(there, "list", WAIT);

        assertThat(there.isRemote()).isTrue();
        assertThat(items).hasSize(400);
        assertThat(items).filteredOn(Append.class::isInstance).extracting(item -> ((Append) item).item())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 200).mapToObj(i -> "cast " + i).toList());
        assertThat(items).filteredOn(String.class::isInstance)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 200).mapToObj(i -> "info " + i).toList());
    }

    @Test
    void aMessageHazelcastCannotSerializeGoesAsJson() {
        Pid there = remote(alpha, GenServer.start(beta.node(), new Journal()));
        Stamped sent = new Stamped(UUID.randomUUID(), Instant.parse("2026-11-22T10:00:00Z"), "hello");

        Stamped answer = GenServer.call(there, sent, WAIT);

        assertThat(answer).isEqualTo(new Stamped(sent.id(), sent.at(), "hello!"));
    }

    @Test
    void aPidInsideAMessageThatGoesAsJsonIsThatProcess() {
        Pid there = remote(alpha, GenServer.start(beta.node(), new Journal()));
        Pid local = GenServer.start(alpha.node(), new Journal());

        Signed answer = GenServer.call(there, new Signed(local, Instant.EPOCH, false), WAIT);

        assertThat(answer).isEqualTo(new Signed(local, Instant.EPOCH, true));
        assertThat(answer.by().isRemote()).as("back home").isFalse();
    }

    @Test
    void aReplyNeitherHazelcastNorJsonCanCarryFailsTheCallerInsteadOfArrivingMangled() {
        Pid journal = GenServer.start(beta.node(), new Journal());
        GenServer.cast(journal, GenServer.start(beta.node(), new Journal()));

        assertThatThrownBy(() -> GenServer.call(remote(alpha, journal), "immutable", WAIT)).isInstanceOf(ExitException.class)
                .hasMessageContaining("NotSerializableException").hasMessageContaining("cannot go to another node");
    }

    @Test
    void aReplyAfterTheCallerGaveUpIsCountedAsALateReplyOnTheCallersNode() throws Exception {
        Pid there = remote(alpha, GenServer.start(beta.node(), new Journal()));
        List<DeadLetter> letters = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = alpha.node().deadLetters().subscribe(letters::add)) {
            assertThatThrownBy(() -> GenServer.call(there, "slow", Duration.ofMillis(50)))
                    .isInstanceOf(CallTimeoutException.class);

            await().atMost(WAIT).untilAsserted(() -> assertThat(letters)
                    .anySatisfy(letter -> assertThat(letter).isEqualTo(new DeadLetter(there, "late", DeadLetter.Cause.LATE_REPLY))));
        }
    }

    @Test
    void aMessageTheReceiverCannotReadFailsItsCallAndIsCountedWhereItArrived() throws Exception {
        Pid journal = GenServer.start(beta.node(), new Journal());
        Pid there = remote(alpha, journal);
        Picky call = new Picky(UUID.randomUUID(), "unreadable call");
        Picky send = new Picky(UUID.randomUUID(), "unreadable send");
        Picky.REFUSED.addAll(List.of(call.text(), send.text()));
        List<DeadLetter> letters = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = beta.node().deadLetters().subscribe(letters::add)) {
            assertThatThrownBy(() -> GenServer.call(there, call, WAIT)).isInstanceOf(ExitException.class)
                    .hasMessageContaining("NotSerializableException").hasMessageContaining("does not read back");
            there.send(send);

            await().atMost(WAIT).untilAsserted(() -> assertThat(letters).anySatisfy(letter -> {
                assertThat(letter.recipient()).isEqualTo(journal);
                assertThat(letter.cause()).isEqualTo(DeadLetter.Cause.NOT_SERIALIZABLE);
            }));
        }
        finally {
            Picky.REFUSED.clear();
        }
    }

    @Test
    void aPidInAMessageComesBackAsThatProcess() {
        Pid journal = GenServer.start(beta.node(), new Journal());
        Pid local = GenServer.start(alpha.node(), new Journal());

        GenServer.cast(remote(alpha, journal), local);

        List<Object> items = GenServer.call(remote(alpha, journal), "list", WAIT);
        assertThat(items).singleElement().isEqualTo(local)
                .satisfies(pid -> assertThat(((Pid) pid).isRemote()).as("back home, the local pid").isFalse());
    }

    @Test
    void aCallToACrashingOrDeadRemoteServerExitsAsALocalOneWould() {
        Pid journal = GenServer.start(beta.node(), new Journal());
        Pid there = remote(alpha, journal);

        assertThatThrownBy(() -> GenServer.call(there, "crash", WAIT)).isInstanceOf(ExitException.class)
                .satisfies(error -> assertThat(((ExitException) error).reason()).isInstanceOf(ExitReason.Crash.class)
                        .hasToString("crash: io.otpspring.cluster.RemoteCrashException: java.lang.IllegalStateException: asked to crash"));
        assertThatThrownBy(() -> GenServer.call(there, "list", WAIT)).isInstanceOf(ExitException.class)
                .satisfies(error -> assertThat(((ExitException) error).reason()).isEqualTo(ExitReason.NOPROC));
    }

    @Test
    void aMonitorOfARemoteProcessReceivesItsExit() {
        Recorder watcher = Recorder.start(alpha.node(), false);
        Pid journal = GenServer.start(beta.node(), new Journal());
        Pid there = remote(alpha, journal);

        MonitorRef ref = watcher.call(self -> self.monitor(there));
        // signals from one node to another keep their order: once this answers, the monitor is set
        GenServer.call(there, "list", WAIT);
        beta.node().exit(journal, ExitReason.other("gone"));

        Down down = watcher.awaitMessage(Down.class);
        assertThat(down.ref()).isEqualTo(ref);
        assertThat(down.pid()).isEqualTo(there);
        assertThat(down.reason()).isEqualTo(ExitReason.other("gone"));
    }

    @Test
    void aMonitorOfADeadRemoteProcessIsDownAtOnceWithNoproc() {
        Recorder watcher = Recorder.start(alpha.node(), false);
        Pid journal = GenServer.start(beta.node(), new Journal());
        beta.node().exit(journal, ExitReason.KILL);
        await().atMost(WAIT).until(() -> !journal.isAlive());

        watcher.call(self -> self.monitor(remote(alpha, journal)));

        assertThat(watcher.awaitMessage(Down.class).reason()).isEqualTo(ExitReason.NOPROC);
    }

    @Test
    void aLinkAcrossNodesCarriesARemoteExitAsASignal() {
        Recorder trapping = Recorder.start(alpha.node(), true);
        Recorder partner = Recorder.start(beta.node(), false);
        Pid partnerThere = remote(alpha, partner.pid());

        trapping.call(self -> {
            self.link(partnerThere);
            return null;
        });
        // signals from one node to another keep their order: once this answers, the link is made
        assertThat(GenServer.<String>call(partnerThere, "ping", WAIT)).isEqualTo("pong");
        beta.node().exit(partner.pid(), ExitReason.other("bye"));

        Exit exit = trapping.awaitMessage(Exit.class);
        assertThat(exit.from()).isEqualTo(partnerThere);
        assertThat(exit.reason()).isEqualTo(ExitReason.other("bye"));
    }

    @Test
    void aLocalExitReachesTheRemoteLinkedProcess() {
        Recorder local = Recorder.start(alpha.node(), false);
        Recorder trappingThere = Recorder.start(beta.node(), true);

        local.call(self -> {
            self.link(remote(alpha, trappingThere.pid()));
            return null;
        });
        assertThat(GenServer.<String>call(remote(alpha, trappingThere.pid()), "ping", WAIT)).isEqualTo("pong");
        alpha.node().exit(local.pid(), ExitReason.KILL);

        Exit exit = trappingThere.awaitMessage(Exit.class);
        assertThat(exit.from()).isEqualTo(remote(beta, local.pid()));
        assertThat(exit.reason()).isEqualTo(ExitReason.KILLED);
    }
}
