package io.otpspring.core.process;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.otpspring.core.process.Probe.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

class MonitorTest {

    private Node node;

    @BeforeEach
    void startNode() {
        node = Node.start("monitor-test");
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    @Test
    void downCarriesTheCrashReason() {
        Probe watcher = Probe.recording();
        Pid pw = watcher.spawn(node);
        Pid target = Probe.crashable().spawn(node);
        MonitorRef ref = watcher.ask(self -> self.monitor(target));
        assertThat(ref.pid()).isEqualTo(target);

        target.send("crash");

        Down down = watcher.next(Down.class);
        assertThat(down.ref()).isSameAs(ref);
        assertThat(down.pid()).isEqualTo(target);
        assertThat(down.reason()).isInstanceOf(ExitReason.Crash.class).isEqualTo(node.exitReason(target));
        assertThat(pw.isAlive()).as("a monitor is not a link").isTrue();
    }

    @Test
    void downCarriesNormalShutdownAndKilled() {
        Probe watcher = Probe.recording();
        watcher.spawn(node);
        Pid normal = Probe.crashable().spawn(node);
        Pid shutdown = Probe.crashable().spawn(node);
        Pid killed = Probe.crashable().spawn(node);
        watcher.act(self -> {
            self.monitor(normal);
            self.monitor(shutdown);
            self.monitor(killed);
        });

        normal.send(ExitReason.NORMAL);
        assertThat(watcher.next(Down.class).reason()).isEqualTo(ExitReason.NORMAL);
        node.exit(shutdown, ExitReason.SHUTDOWN);
        assertThat(watcher.next(Down.class).reason()).isEqualTo(ExitReason.SHUTDOWN);
        node.exit(killed, ExitReason.KILL);
        Down down = watcher.next(Down.class);
        assertThat(down.pid()).isEqualTo(killed);
        assertThat(down.reason()).isEqualTo(ExitReason.KILLED);
    }

    @Test
    void monitoringADeadProcessGivesDownWithNoprocAtOnce() {
        Pid dead = Probe.crashable().spawn(node);
        dead.send(ExitReason.NORMAL);
        assertThat(node.awaitExit(dead, WAIT)).isEqualTo(ExitReason.NORMAL);
        Probe watcher = Probe.recording();
        watcher.spawn(node);

        MonitorRef ref = watcher.ask(self -> self.monitor(dead));

        Down down = watcher.next(Down.class);
        assertThat(down.ref()).isSameAs(ref);
        assertThat(down.pid()).isEqualTo(dead);
        assertThat(down.reason()).isEqualTo(ExitReason.NOPROC);
    }

    @Test
    void demonitorStopsTheNotice() {
        Probe watcher = Probe.recording();
        Pid pw = watcher.spawn(node);
        Pid target = Probe.crashable().spawn(node);
        Pid other = Probe.crashable().spawn(node);
        MonitorRef ref = watcher.ask(self -> self.monitor(target));
        watcher.act(self -> self.monitor(other));

        watcher.act(self -> self.demonitor(ref));
        target.send("crash");
        assertThat(node.awaitExit(target, WAIT)).isInstanceOf(ExitReason.Crash.class);
        // notices are queued before awaitExit returns: the other monitor's Down is a marker behind it
        other.send("crash");

        Down down = watcher.next(Down.class);
        assertThat(down.pid()).isEqualTo(other);
        pw.send("marker");
        assertThat(watcher.next()).isEqualTo("marker");
        assertThat(watcher.received()).containsExactly(down, "marker");
    }

    @Test
    void severalMonitorsOnOneTargetEachGetTheirOwnDown() {
        Probe first = Probe.recording();
        Probe second = Probe.recording();
        first.spawn(node);
        second.spawn(node);
        Pid target = Probe.crashable().spawn(node);
        MonitorRef a = first.ask(self -> self.monitor(target));
        MonitorRef b = first.ask(self -> self.monitor(target));
        MonitorRef c = second.ask(self -> self.monitor(target));
        assertThat(List.of(a, b, c)).doesNotHaveDuplicates();

        node.exit(target, ExitReason.shutdown("bye"));

        Down d1 = first.next(Down.class);
        Down d2 = first.next(Down.class);
        Down d3 = second.next(Down.class);
        assertThat(List.of(d1.ref(), d2.ref())).containsExactlyInAnyOrder(a, b);
        assertThat(d3.ref()).isSameAs(c);
        assertThat(List.of(d1, d2, d3)).extracting(Down::reason).containsOnly(ExitReason.shutdown("bye"));
    }

    @Test
    void monitorByName() {
        Probe watcher = Probe.recording();
        watcher.spawn(node);
        Pid target = Probe.crashable().spawn(node, SpawnOptions.defaults().withName("watched"));

        MonitorRef ref = watcher.ask(self -> self.monitor(node.named("watched")));
        assertThat(ref.pid()).isEqualTo(target);
        node.exit(target, ExitReason.other("gone"));

        Down down = watcher.next(Down.class);
        assertThat(down.ref()).isSameAs(ref);
        assertThat(down.pid()).isEqualTo(target);
        assertThat(down.reason()).isEqualTo(ExitReason.other("gone"));
    }

    @Test
    void aDeadWatchersMonitorIsRemovedFromItsTarget() throws Exception {
        Probe watcher = Probe.crashable();
        Pid pw = watcher.spawn(node);
        Pid target = Probe.crashable().spawn(node);
        watcher.act(self -> self.monitor(target));
        pw.send("crash");
        assertThat(node.awaitExit(pw, WAIT)).isInstanceOf(ExitReason.Crash.class);

        try (Probe.DeadLetterLog letters = Probe.deadLetters(node)) {
            node.exit(target, ExitReason.KILL);
            assertThat(node.awaitExit(target, WAIT)).isEqualTo(ExitReason.KILLED);
            assertThat(letters.messages()).as("no Down is sent to the dead watcher").noneMatch(Down.class::isInstance);
        }
    }
}
