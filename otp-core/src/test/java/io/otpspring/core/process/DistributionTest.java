package io.otpspring.core.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.otpspring.core.genserver.Envelopes;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.genserver.ReplyRoute;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The distribution seam: two nodes of one JVM joined by a bridge that plays a cluster's part. */
class DistributionTest {

    private final Node here = Node.start("here");
    private final Node there = Node.start("there");
    private final Bridge bridge = new Bridge(here, there);

    @AfterEach
    void close() {
        here.close();
        there.close();
    }

    @Test
    void aPidOfAnotherNodeIsRebuiltAsRemoteAndAnOwnLivePidAsItself() {
        Pid local = Probe.recording().spawn(here);
        Pid remote = here.pid("there", there.creation(), 7);

        assertThat(here.pid("here", here.creation(), local.id())).isSameAs(local);
        assertThat(remote.isRemote()).isTrue();
        assertThat(remote).isEqualTo(there.pid("there", there.creation(), 7)).hasToString("<there.7>");
        assertThat(here.pid("here", here.creation() + 1, local.id()))
                .as("an earlier incarnation of this node").isNotEqualTo(local);
    }

    @Test
    void aGonePidOfThisNodeIsNoprocForMonitorsLinksAndCallsWhateverTheDistribution() {
        bridge.install();
        Pid gone = here.pid("here", here.creation() + 1, 1);
        Probe watcher = Probe.recording().onInit(self -> self.trapExits(true));
        watcher.spawn(here);

        MonitorRef ref = watcher.ask(self -> self.monitor(gone));
        watcher.act(self -> self.link(gone));

        assertThat(watcher.awaitMessage(Down.class)).isEqualTo(new Down(ref, gone, ExitReason.NOPROC));
        assertThat(watcher.awaitMessage(Exit.class).reason()).isEqualTo(ExitReason.NOPROC);
        assertThatThrownBy(() -> GenServer.call(gone, "hi")).isInstanceOf(ExitException.class)
                .extracting(error -> ((ExitException) error).reason()).isEqualTo(ExitReason.NOPROC);
    }

    @Test
    void withoutADistributionARemoteCallExitsWithNoconnectionAndASendIsADeadLetter() {
        List<DeadLetter> letters = new ArrayList<>();
        here.deadLetters().subscribe(letters::add);
        Pid remote = here.pid("there", there.creation(), 1);

        assertThatThrownBy(() -> GenServer.call(remote, "hi")).isInstanceOf(ExitException.class)
                .extracting(error -> ((ExitException) error).reason()).isEqualTo(ExitReason.NOCONNECTION);
        remote.send("lost?");

        assertThat(letters).extracting(DeadLetter::cause).contains(DeadLetter.Cause.NO_CONNECTION);
        assertThat(remote.isAlive()).isFalse();
        assertThat(remote.exitReason()).isEqualTo(ExitReason.NOCONNECTION);
    }

    @Test
    void callsAndCastsReachAProcessOnTheOtherNode() {
        bridge.install();
        Pid counter = GenServer.start(there, new GenServer() {
            int count;

            @Override
            public Reply handleCall(Object request, io.otpspring.core.genserver.From from) {
                return Reply.of(count);
            }

            @Override
            public void handleCast(Object message) {
                count += (Integer) message;
            }
        });
        Pid remote = here.pid("there", there.creation(), counter.id());

        GenServer.cast(remote, 2);
        GenServer.cast(remote, 3);

        assertThat(GenServer.<Integer>call(remote, "count", Duration.ofSeconds(5))).isEqualTo(5);
    }

    @Test
    void aMonitorOfARemoteProcessGetsItsExitAndNoconnectionWhenTheNodeIsCut() {
        bridge.install();
        Probe watcher = Probe.recording();
        watcher.spawn(here);
        Pid first = Probe.crashable().spawn(there);
        Pid second = Probe.recording().spawn(there);

        MonitorRef ref = watcher.ask(self -> self.monitor(here.pid("there", there.creation(), first.id())));
        watcher.ask(self -> self.monitor(here.pid("there", there.creation(), second.id())));
        first.send("crash");
        Down down = watcher.awaitMessage(Down.class, notice -> notice.ref().equals(ref));
        bridge.cut();

        assertThat(down.reason()).isInstanceOf(ExitReason.Crash.class);
        assertThat(watcher.awaitMessage(Down.class, notice -> notice.pid().equals(second)).reason())
                .isEqualTo(ExitReason.NOCONNECTION);
        watcher.act(self -> self.monitor(here.pid("there", there.creation(), second.id())));
        Probe.eventually().untilAsserted(() -> assertThat(watcher.received()).filteredOn(Down.class::isInstance)
                .map(Down.class::cast).filteredOn(notice -> notice.pid().equals(second))
                .as("a monitor set while cut is down at once").hasSize(2)
                .allSatisfy(notice -> assertThat(notice.reason()).isEqualTo(ExitReason.NOCONNECTION)));
    }

    @Test
    void aLinkToARemoteProcessCarriesItsExitAsASignalFromThatPid() {
        bridge.install();
        Probe trapping = Probe.recording().onInit(self -> self.trapExits(true));
        trapping.spawn(here);
        Pid partner = Probe.crashable().spawn(there);
        Pid remote = here.pid("there", there.creation(), partner.id());

        trapping.act(self -> self.link(remote));
        partner.send("crash");

        Exit exit = trapping.awaitMessage(Exit.class);
        assertThat(exit.from()).isEqualTo(remote);
        assertThat(exit.reason()).isInstanceOf(ExitReason.Crash.class);
    }

    @Test
    void anExitSignalSentToARemoteProcessGoesThroughTheDistribution() {
        bridge.install();
        Pid victim = Probe.recording().spawn(there);

        here.exit(here.pid("there", there.creation(), victim.id()), ExitReason.KILL);

        Probe.eventually().until(() -> !victim.isAlive());
        assertThat(victim.exitReason()).isEqualTo(ExitReason.KILLED);
    }

    /**
     * Joins {@code here} to {@code there} as a cluster would: it opens calls and casts, rebuilds
     * them on the other node, and turns remote exits into monitors' downs and links' signals.
     * {@link #cut()} disconnects: everything that waited on the other node fires with noconnection.
     */
    private static final class Bridge implements Distribution {

        private final Node here;
        private final Node there;
        private volatile boolean connected = true;
        private final Map<MonitorRef, ExitListener> monitors = new ConcurrentHashMap<>();

        Bridge(Node here, Node there) {
            this.here = here;
            this.there = there;
        }

        void install() {
            here.useDistribution(this);
        }

        void cut() {
            connected = false;
            monitors.keySet().forEach(ref -> demonitorAndFire(ref, ExitReason.NOCONNECTION));
        }

        private void demonitorAndFire(MonitorRef ref, ExitReason reason) {
            ExitListener listener = monitors.remove(ref);
            if (listener != null) {
                there.removeExitListener(local(ref.pid()), listener);
                here.deliverDown(ref, reason);
            }
        }

        private Pid local(Pid remote) {
            return there.pid(remote.node(), remote.creation(), remote.id());
        }

        @Override
        public boolean isConnected(String node) {
            return connected && node.equals(there.name());
        }

        @Override
        public boolean send(Pid to, Object message) {
            if (!isConnected(to.node())) {
                return false;
            }
            Object rebuilt = message;
            if (Envelopes.isCall(message)) {
                rebuilt = Envelopes.call(Envelopes.contentOf(message), new ReplyRoute() {
                    @Override
                    public void reply(@Nullable Object value) {
                        Envelopes.reply(message, value);
                    }

                    @Override
                    public void fail(RuntimeException error) {
                        ((Awaited) message).fail(error);
                    }
                });
            }
            else if (Envelopes.isCast(message)) {
                rebuilt = Envelopes.cast(Envelopes.contentOf(message));
            }
            local(to).send(rebuilt);
            return true;
        }

        @Override
        public void link(Pid local, Pid remote) {
            Pid partner = local(remote);
            ExitListener carry = (pid, reason) -> here.signalExit(local, remote, reason, true);
            if (!there.addExitListener(partner, carry)) {
                here.signalExit(local, remote, ExitReason.NOPROC, true);
            }
        }

        @Override
        public void unlink(Pid local, Pid remote) {
        }

        @Override
        public void monitor(MonitorRef ref) {
            ExitListener fire = (pid, reason) -> demonitorAndFire(ref, reason);
            monitors.put(ref, fire);
            if (!there.addExitListener(local(ref.pid()), fire)) {
                demonitorAndFire(ref, ExitReason.NOPROC);
            }
        }

        @Override
        public void demonitor(MonitorRef ref) {
            monitors.remove(ref);
        }

        @Override
        public void exit(@Nullable Pid from, Pid to, ExitReason reason) {
            there.signalExit(local(to), from, reason, false);
        }
    }
}
