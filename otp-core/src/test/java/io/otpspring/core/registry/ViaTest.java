package io.otpspring.core.registry;

import java.util.concurrent.atomic.AtomicReference;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.DeadLetter;
import io.otpspring.core.process.DeadLetter.Cause;
import io.otpspring.core.process.Down;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.NameTakenException;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.process.Probe;
import io.otpspring.core.process.SpawnOptions;
import io.otpspring.core.process.StartException;
import io.otpspring.core.process.Via;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.core.supervision.SupervisorSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A unique key as a process name: send, call, monitor, spawn and supervised restarts. */
class ViaTest {

    private Node node;
    private Registry<String, String> users;

    @BeforeEach
    void start() {
        node = Node.start("registry-via-test");
        users = Registry.unique(node, "users");
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    private static SpawnOptions named(Via via) {
        return SpawnOptions.defaults().withName(via);
    }

    /** Answers any call with its own pid; crashes on "crash". */
    static final class Whoami implements GenServer {

        private Pid self;

        @Override
        public void init(ProcessContext context) {
            self = context.self();
        }

        @Override
        public Reply handleCall(Object request, From from) {
            if ("crash".equals(request)) {
                throw new IllegalStateException("crashes on purpose");
            }
            return Reply.of(self);
        }
    }

    @Test
    void aProcessSpawnedUnderAViaNameHoldsTheKeyWithItsValue() {
        Probe probe = Probe.recording();
        Pid pid = probe.spawn(node, named(users.via("alice", "online")));

        assertThat(users.lookup("alice")).containsExactly(new Entry<>("alice", pid, "online"));
        Via alice = users.via("alice");
        assertThat(alice.resolve()).isEqualTo(pid);
        alice.send("hello");
        assertThat(probe.next()).isEqualTo("hello");
    }

    @Test
    void theKeyIsHeldBeforeInitRuns() {
        AtomicReference<Pid> holderDuringInit = new AtomicReference<>();
        Pid pid = Probe.recording().onInit(self -> holderDuringInit.set(users.whereis("alice")))
                .spawn(node, named(users.via("alice")));

        assertThat(holderDuringInit.get()).isEqualTo(pid);
    }

    @Test
    void aViaNameIsResolvedAtSendTime() {
        Via alice = users.via("alice");
        Probe first = Probe.recording();
        Pid firstPid = first.spawn(node);
        users.register("alice", firstPid, null);
        alice.send("one");
        assertThat(first.next()).isEqualTo("one");

        users.unregister("alice", firstPid);
        Probe second = Probe.recording();
        users.register("alice", second.spawn(node), null);
        alice.send("two");

        assertThat(second.next()).isEqualTo("two");
        assertThat(first.received()).containsExactly("one");
    }

    @Test
    void sendingToAKeyNobodyHoldsIsADeadLetter() {
        Pid gone = Probe.recording().spawn(node, named(users.via("gone")));
        node.exit(gone, ExitReason.KILL);

        try (Probe.DeadLetterLog letters = Probe.deadLetters(node)) {
            users.via("nobody").send("lost");
            users.via("gone").send("late");

            DeadLetter lost = letters.awaitLetter(Cause.NO_SUCH_NAME, "lost");
            assertThat(lost.recipient()).isNull();
            letters.awaitLetter(Cause.NO_SUCH_NAME, "late");
        }
    }

    @Test
    void genServerCallThroughAViaName() {
        Pid pid = GenServer.start(node, new Whoami(), named(users.via("alice")));

        Pid answered = GenServer.call(users.via("alice"), "whoami");

        assertThat(answered).isEqualTo(pid);
        assertThatThrownBy(() -> GenServer.call(users.via("nobody"), "whoami"))
                .isInstanceOfSatisfying(ExitException.class, ex -> assertThat(ex.reason()).isEqualTo(ExitReason.NOPROC));
    }

    @Test
    void monitorThroughAViaName() {
        Pid target = Probe.crashable().spawn(node, named(users.via("alice")));
        Probe watcher = Probe.recording();
        watcher.spawn(node);
        watcher.act(self -> self.monitor(users.via("alice")));

        target.send("crash");

        Down down = watcher.next(Down.class);
        assertThat(down.pid()).isEqualTo(target);
        assertThat(down.reason()).isInstanceOf(ExitReason.Crash.class);
        assertThat(users.whereis("alice")).isNull();
        assertThatThrownBy(() -> watcher.act(self -> self.monitor(users.via("alice"))))
                .isInstanceOfSatisfying(ExitException.class, ex -> assertThat(ex.reason()).isEqualTo(ExitReason.NOPROC));
    }

    @Test
    void aSupervisedChildThatCrashesComesBackUnderTheSameKey() {
        Via alice = users.via("alice");
        Pid supervisor = Supervisor.start(node, SupervisorSpec.oneForOne(
                ChildSpec.worker("alice", Whoami::new).withName(alice)));
        Pid first = GenServer.call(alice, "whoami");
        assertThat(first).isEqualTo(Supervisor.whichChildren(supervisor).getFirst().pid());

        assertThatThrownBy(() -> GenServer.call(alice, "crash")).isInstanceOf(ExitException.class);

        Probe.eventually().untilAsserted(() -> assertThat(users.whereis("alice")).isNotNull().isNotEqualTo(first));
        Pid second = GenServer.call(alice, "whoami");
        assertThat(second).isNotEqualTo(first).isEqualTo(Supervisor.whichChildren(supervisor).getFirst().pid());
        assertThat(users.lookup("alice")).containsExactly(new Entry<>("alice", second, null));
        assertThat(users.keys(first)).isEmpty();
        assertThat(users.storedEntries()).isEqualTo(1);
        assertThat(users.trackedProcesses()).isEqualTo(1);
    }

    @Test
    void spawningUnderAHeldKeyFailsWithNameTakenAndLeavesNothingBehind() {
        Pid holder = Probe.recording().spawn(node, named(users.via("alice")));
        int processes = node.processCount();

        assertThatThrownBy(() -> Probe.recording().spawn(node, named(users.via("alice"))))
                .isInstanceOfSatisfying(NameTakenException.class, ex -> assertThat(ex.holder()).isEqualTo(holder))
                .hasMessageContaining("users/alice");

        assertThat(node.processCount()).isEqualTo(processes);
        assertThat(users.whereis("alice")).isEqualTo(holder);
        assertThat(users.trackedProcesses()).isEqualTo(1);
    }

    @Test
    void aFailedInitFreesTheKey() {
        Probe failing = Probe.recording().onInit(self -> {
            throw new IllegalStateException("init fails on purpose");
        });

        assertThatThrownBy(() -> failing.spawn(node, named(users.via("alice")))).isInstanceOf(StartException.class);

        assertThat(users.whereis("alice")).isNull();
        assertThat(users.storedEntries()).isZero();
        assertThat(users.trackedProcesses()).isZero();
    }

    @Test
    void viaNamesAreEqualForTheSameKeyOfTheSameRegistry() {
        Registry<String, String> sameNamespace = Registry.unique(node, "users");

        assertThat(users.via("alice")).isEqualTo(users.via("alice", "any value"))
                .hasSameHashCodeAs(users.via("alice"))
                .isNotEqualTo(users.via("bob"))
                .isNotEqualTo(sameNamespace.via("alice"))
                .hasToString("users/alice");
    }
}
