package io.otpspring.core.process;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.otpspring.core.process.Probe.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

class LinkTest {

    private Node node;

    @BeforeEach
    void startNode() {
        node = Node.start("link-test");
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    @Test
    void abnormalExitKillsLinkedNonTrappingProcessWithTheSameReason() {
        Probe a = Probe.recording();
        Probe b = Probe.crashable();
        Pid pa = a.spawn(node);
        Pid pb = b.spawn(node);
        a.act(self -> self.link(pb));

        pb.send("crash");

        ExitReason reason = node.awaitExit(pb, WAIT);
        assertThat(reason).isInstanceOf(ExitReason.Crash.class);
        assertThat(((ExitReason.Crash) reason).cause()).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(node.awaitExit(pa, WAIT)).isEqualTo(reason);
        assertThat(a.terminations()).as("terminate does not run on an untrapped exit signal").isEmpty();
    }

    @Test
    void linksAreBidirectional() {
        Probe a = Probe.crashable();
        Probe b = Probe.recording();
        Pid pa = a.spawn(node);
        Pid pb = b.spawn(node);
        a.act(self -> self.link(pb));

        pa.send("crash");

        ExitReason reason = node.awaitExit(pa, WAIT);
        assertThat(node.awaitExit(pb, WAIT)).isEqualTo(reason);
    }

    @Test
    void spawnLinkLinksTheChildToItsSpawner() {
        Probe parent = Probe.recording();
        Pid pp = parent.spawn(node);
        Probe child = Probe.crashable();
        Pid pc = parent.ask(self -> self.spawnLink(child, SpawnOptions.defaults()));

        pc.send("crash");

        assertThat(node.awaitExit(pp, WAIT)).isEqualTo(node.awaitExit(pc, WAIT)).isInstanceOf(ExitReason.Crash.class);
    }

    @Test
    void normalExitDoesNotKillALinkedProcess() {
        Probe a = Probe.recording();
        Probe b = Probe.crashable();
        Pid pa = a.spawn(node);
        Pid pb = b.spawn(node);
        a.act(self -> self.link(pb));

        pb.send(ExitReason.NORMAL);

        assertThat(node.awaitExit(pb, WAIT)).isEqualTo(ExitReason.NORMAL);
        // the link signal is delivered before awaitExit returns
        assertThat(pa.isAlive()).isTrue();
        assertThat(a.ask(ProcessContext::self)).isEqualTo(pa);
        assertThat(a.received()).isEmpty();
    }

    @Test
    void shutdownIsAbnormalForLinks() {
        Probe a = Probe.recording();
        Probe b = Probe.crashable();
        Pid pa = a.spawn(node);
        Pid pb = b.spawn(node);
        a.act(self -> self.link(pb));

        pb.send(ExitReason.SHUTDOWN);

        assertThat(node.awaitExit(pb, WAIT)).isEqualTo(ExitReason.SHUTDOWN);
        assertThat(node.awaitExit(pa, WAIT)).isEqualTo(ExitReason.SHUTDOWN);
    }

    @Test
    void trappingProcessReceivesExitMessagesInsteadOfDying() {
        Probe trapper = Probe.recording();
        Pid pt = trapper.spawn(node, SpawnOptions.defaults().withTrapExits(true));
        Probe crasher = Probe.crashable();
        Probe stopper = Probe.crashable();
        Pid pc = crasher.spawn(node);
        Pid ps = stopper.spawn(node);
        trapper.act(self -> {
            self.link(pc);
            self.link(ps);
        });

        pc.send("crash");
        Exit crashExit = trapper.next(Exit.class);
        ps.send(ExitReason.NORMAL);
        Exit normalExit = trapper.next(Exit.class);

        assertThat(crashExit.from()).isEqualTo(pc);
        assertThat(crashExit.reason()).isEqualTo(node.exitReason(pc)).isInstanceOf(ExitReason.Crash.class);
        assertThat(normalExit).isEqualTo(new Exit(ps, ExitReason.NORMAL));
        assertThat(pt.isAlive()).isTrue();
    }

    @Test
    void trapExitsCanBeSwitchedOnAtRunTime() {
        Probe trapper = Probe.recording();
        Pid pt = trapper.spawn(node);
        Probe crasher = Probe.crashable();
        Pid pc = crasher.spawn(node);
        trapper.act(self -> {
            self.trapExits(true);
            self.link(pc);
        });
        assertThat(trapper.<Boolean>ask(ProcessContext::trapsExits)).isTrue();

        pc.send("crash");

        assertThat(trapper.next(Exit.class).from()).isEqualTo(pc);
        assertThat(pt.isAlive()).isTrue();
    }

    @Test
    void linkingToADeadProcessKillsANonTrappingProcessWithNoproc() {
        Pid dead = Probe.recording().spawn(node);
        node.exit(dead, ExitReason.KILL);
        assertThat(node.awaitExit(dead, WAIT)).isEqualTo(ExitReason.KILLED);
        Probe a = Probe.recording();
        Pid pa = a.spawn(node);

        a.act(self -> self.link(dead));

        assertThat(node.awaitExit(pa, WAIT)).isEqualTo(ExitReason.NOPROC);
    }

    @Test
    void linkingToADeadProcessGivesATrappingProcessAnExitWithNoproc() {
        Pid dead = Probe.recording().spawn(node);
        node.exit(dead, ExitReason.KILL);
        assertThat(node.awaitExit(dead, WAIT)).isEqualTo(ExitReason.KILLED);
        Probe a = Probe.recording();
        Pid pa = a.spawn(node, SpawnOptions.defaults().withTrapExits(true));

        a.act(self -> self.link(dead));

        assertThat(a.next(Exit.class)).isEqualTo(new Exit(dead, ExitReason.NOPROC));
        assertThat(pa.isAlive()).isTrue();
    }

    @Test
    void unlinkStopsPropagationInBothDirections() {
        Probe a = Probe.crashable();
        Probe b = Probe.crashable();
        Probe c = Probe.recording();
        Pid pa = a.spawn(node);
        Pid pb = b.spawn(node);
        Pid pc = c.spawn(node);
        a.act(self -> {
            self.link(pb);
            self.link(pc);
        });
        a.act(self -> self.unlink(pb));
        c.act(self -> self.unlink(pa));

        pb.send("crash");
        assertThat(node.awaitExit(pb, WAIT)).isInstanceOf(ExitReason.Crash.class);
        assertThat(pa.isAlive()).as("a unlinked b").isTrue();

        pa.send("crash");
        assertThat(node.awaitExit(pa, WAIT)).isInstanceOf(ExitReason.Crash.class);
        assertThat(pc.isAlive()).as("c unlinked a, which removes the link both ways").isTrue();
    }

    @Test
    void killIsUntrappableAndLinkedProcessesSeeKilled() {
        Probe target = Probe.recording();
        Pid victim = target.spawn(node, SpawnOptions.defaults().withTrapExits(true));
        Probe trapper = Probe.recording();
        Pid pt = trapper.spawn(node, SpawnOptions.defaults().withTrapExits(true));
        Probe plain = Probe.recording();
        Pid pp = plain.spawn(node);
        trapper.act(self -> self.link(victim));
        plain.act(self -> self.link(victim));

        node.exit(victim, ExitReason.KILL);

        assertThat(node.awaitExit(victim, WAIT)).isEqualTo(ExitReason.KILLED);
        assertThat(target.received()).as("a trapping process does not receive kill as a message").isEmpty();
        assertThat(target.terminations()).as("terminate does not run on kill").isEmpty();
        assertThat(trapper.next(Exit.class)).isEqualTo(new Exit(victim, ExitReason.KILLED));
        assertThat(pt.isAlive()).as("killed is trappable").isTrue();
        assertThat(node.awaitExit(pp, WAIT)).isEqualTo(ExitReason.KILLED);
    }

    @Test
    void killFromAnotherProcessIsUntrappableToo() {
        Probe target = Probe.recording();
        Pid victim = target.spawn(node, SpawnOptions.defaults().withTrapExits(true));
        Probe killer = Probe.recording();
        killer.spawn(node);

        killer.act(self -> self.exit(victim, ExitReason.KILL));

        assertThat(node.awaitExit(victim, WAIT)).isEqualTo(ExitReason.KILLED);
        assertThat(target.received()).isEmpty();
    }

    @Test
    void exitingWithReasonKillPropagatesAsATrappableKillThroughLinks() {
        Probe dying = Probe.crashable();
        Pid pd = dying.spawn(node);
        Probe trapper = Probe.recording();
        Pid pt = trapper.spawn(node, SpawnOptions.defaults().withTrapExits(true));
        trapper.act(self -> self.link(pd));

        pd.send(ExitReason.KILL);

        assertThat(node.awaitExit(pd, WAIT)).isEqualTo(ExitReason.KILL);
        assertThat(trapper.next(Exit.class)).isEqualTo(new Exit(pd, ExitReason.KILL));
        assertThat(pt.isAlive()).isTrue();
    }

    /**
     * An exit propagates along a long chain of links, however long, as in Erlang. Here the head
     * crashes in its handler, so the cascade starts on the head's own thread.
     */
    @Test
    void aCrashPropagatesAlongALongChainOfLinks() {
        int length = 10_000;
        List<Pid> chain = new ArrayList<>(length);
        chain.add(Probe.crashable().spawn(node));
        for (int i = 1; i < length; i++) {
            Pid previous = chain.get(i - 1);
            chain.add(node.spawn(Probe.recording().onInit(self -> self.link(previous))));
        }

        chain.get(0).send("crash");

        ExitReason reason = node.awaitExit(chain.get(0), WAIT);
        assertThat(reason).isInstanceOf(ExitReason.Crash.class);
        assertThat(node.awaitExit(chain.get(length - 1), WAIT)).as("the end of the chain").isEqualTo(reason);
        assertThat(chain.stream().filter(Pid::isAlive).count()).as("processes left alive").isZero();
        assertThat(node.processCount()).isZero();
    }
}
