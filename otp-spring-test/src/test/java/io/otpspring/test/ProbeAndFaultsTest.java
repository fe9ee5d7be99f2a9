package io.otpspring.test;

import java.time.Duration;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.Down;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.MonitorRef;
import io.otpspring.core.process.Pid;
import io.otpspring.core.registry.Registration;
import io.otpspring.core.registry.Registry;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.SupervisorSpec;
import io.otpspring.test.Faults.InjectedCrash;
import io.otpspring.test.junit.OtpTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.otpspring.test.OtpAssertions.assertThat;
import static io.otpspring.test.OtpAssertions.assertThatSupervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Probes as receivers, monitors, link partners, callers and registry entries; injected faults. */
@OtpTest
class ProbeAndFaultsTest {

    /** Answers every call with "pong". */
    static final class Ponger implements GenServer {
        @Override
        public Reply handleCall(Object request, From from) {
            return Reply.of("pong");
        }
    }

    @Test
    void aProbeRecordsWhatItReceivesInOrder(OtpTestKit kit) {
        TestProbe probe = kit.probe(Duration.ofMillis(200));
        probe.pid().send("one");
        probe.pid().send(2);

        probe.expectMessage("one");
        assertThat(probe.expectMessage(Integer.class)).isEqualTo(2);
        probe.expectNoMessage(Duration.ofMillis(20));
        assertThatThrownBy(() -> probe.expectMessage("three")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("received nothing");
    }

    @Test
    void aProbeMonitorsLinksCallsAndHoldsRegistryEntries(OtpTestKit kit) {
        Pid ponger = GenServer.start(kit.node(), new Ponger());
        Pid linked = GenServer.start(kit.node(), new Ponger());
        TestProbe probe = kit.probe();

        MonitorRef watching = probe.monitor(ponger);
        probe.link(linked);
        String answer = probe.asProbe(self -> GenServer.call(ponger, "ping"));
        assertThat(answer).isEqualTo("pong");
        Registry<String, String> users = kit.registry("users");
        assertThat(users.register("alice", probe.pid(), "admin")).isInstanceOf(Registration.Ok.class);

        kit.faults().kill(ponger);
        kit.faults().crash(linked);

        Down down = probe.expectDown(watching);
        assertThat(down.reason()).isEqualTo(ExitReason.KILLED);
        assertThat(probe.expectExit(linked).reason()).isInstanceOfSatisfying(ExitReason.Crash.class,
                crash -> assertThat(crash.cause()).isInstanceOf(InjectedCrash.class));
        assertThat(users.whereis("alice")).isEqualTo(probe.pid());
    }

    @Test
    void aProcessArmedToCrashDiesOnItsNextMessageAndItsSupervisorRestartsIt(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(ChildSpec.worker("ponger", Ponger::new).withName("ponger")));
        Pid ponger = kit.node().whereis("ponger");

        kit.faults().crashOnNextMessage(ponger);
        assertThatThrownBy(() -> GenServer.call(ponger, "ping")).hasMessageContaining("crash injected");

        assertThat(ponger).isDead().hasCrashedWith(InjectedCrash.class);
        Pid restarted = kit.faults().awaitRestart(kit.node().named("ponger"), ponger);
        assertThat(GenServer.<String>call(restarted, "ping")).isEqualTo("pong");
        assertThatSupervisor(sup).child("ponger").hasRestarted(1).hasLastCrashed(InjectedCrash.class);
    }

    /** Nested tests get a kit (and a node) of their own too. */
    @Nested
    class Nested_ {

        @Test
        void aNestedTestHasItsOwnNode(OtpTestKit kit, io.otpspring.core.process.Node node) {
            assertThat(kit.node()).isSameAs(node);
            assertThat(node.name()).startsWith("test-Nested_");
        }
    }
}
