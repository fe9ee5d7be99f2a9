package io.otpspring.test;

import java.time.Duration;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.SupervisorSpec;
import io.otpspring.test.junit.OtpTest;
import org.junit.jupiter.api.Test;

import static io.otpspring.test.OtpAssertions.assertThat;
import static io.otpspring.test.OtpAssertions.assertThatSupervisor;
import static org.assertj.core.api.Assertions.assertThat;

/** The example of README's "Testing your processes", kept compiling and passing here. */
@OtpTest(virtualTime = true)
class ReadmeExampleTest {

    /** Counts "tick" messages; its init asks for one every 30 seconds. */
    static final class Ticker implements GenServer {
        private int ticks;

        @Override
        public void init(ProcessContext self) {
            self.node().timers().sendInterval(self.self(), "tick", Duration.ofSeconds(30));
        }

        @Override
        public Reply handleCall(Object request, From from) {
            return Reply.of(ticks);
        }

        @Override
        public void handleInfo(Object message) {
            ticks++;
        }
    }

    @Test
    void aCrashedTickerIsRestartedAndTicksOnVirtualTime(OtpTestKit kit) {
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(ChildSpec.worker("ticker", Ticker::new).withName("ticker")));
        Pid ticker = kit.node().whereis("ticker");

        kit.time().advance(Duration.ofMinutes(2));                   // four ticks, in microseconds
        assertThat(GenServer.<Integer>call(ticker, "ticks")).isEqualTo(4);

        kit.faults().crash(ticker);                                  // let it crash
        assertThat(ticker).eventually().isDead();
        assertThatSupervisor(sup).eventually().child("ticker").hasRestarted(1).isRunning();

        Pid restarted = kit.faults().awaitRestart(kit.node().named("ticker"), ticker);
        kit.time().advance(Duration.ofSeconds(30));
        assertThat(GenServer.<Integer>call(restarted, "ticks")).isEqualTo(1);   // a fresh incarnation
    }
}
