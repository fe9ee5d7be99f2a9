package io.otpspring.test;

import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.DynamicSupervisor;
import io.otpspring.core.supervision.DynamicSupervisorSpec;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.core.supervision.SupervisorSpec;
import io.otpspring.test.junit.OtpTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** @OtpTest fails a test that leaves processes alive, and shuts down what the kit started (supervisors, dynamic ones, probes). */
class LeakCheckTest {

    /** Run by the engine below, not on its own. */
    @OtpTest
    static class Leaky {

        @Test
        void startsASupervisorBehindTheKitsBack(Node node) {
            Supervisor.start(node, SupervisorSpec.oneForOne(ChildSpec.worker("a", ProbeAndFaultsTest.Ponger::new)));
        }

        @Test
        void startsThemThroughTheKit(OtpTestKit kit) {
            kit.startSupervisor(SupervisorSpec.oneForOne(ChildSpec.worker("a", ProbeAndFaultsTest.Ponger::new)));
            Pid carts = kit.startDynamicSupervisor(DynamicSupervisorSpec.defaults());
            DynamicSupervisor.startChild(carts, ChildSpec.worker("cart", ProbeAndFaultsTest.Ponger::new)).orElseThrow();
            kit.probe();
        }
    }

    @Test
    void leakedProcessesFailTheTestAndTheKitsOwnAreShutDown() {
        var results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.conditions.deactivate", "*")
                .selectors(selectClass(Leaky.class)).execute().testEvents();

        results.assertThatEvents().haveExactly(1, event(test("startsASupervisorBehindTheKitsBack"),
                finishedWithFailure(message(text -> text.contains("left 2 processes alive")))));
        assertThat(results.succeeded().count()).isEqualTo(1);
    }
}
