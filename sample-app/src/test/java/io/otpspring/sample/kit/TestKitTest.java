package io.otpspring.sample.kit;

import java.math.BigDecimal;
import java.util.List;

import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.sample.SampleAppTest;
import io.otpspring.sample.order.OrderLine;
import io.otpspring.sample.order.OrderState;
import io.otpspring.sample.order.Orders;
import io.otpspring.spring.process.DynamicProcesses;
import io.otpspring.spring.process.ProcessTree;
import io.otpspring.spring.process.StateMachineHandle;
import io.otpspring.test.Faults.InjectedCrash;
import io.otpspring.test.OtpTestKit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.otpspring.test.OtpAssertions.assertThat;
import static io.otpspring.test.OtpAssertions.assertThatSupervisor;

/**
 * The sample through the test kit: faults injected into its processes, assertions on its tree and
 * on an order's state machine. A context of its own, so its crashes spend no other test's budget.
 */
@SampleAppTest
@TestPropertySource(properties = "otp.restart.intensity=50")
@DirtiesContext
class TestKitTest {

    @Autowired
    OtpTestKit kit;

    @Autowired
    Node node;

    @Autowired
    RestTestClient http;

    @Test
    void aRateLimiterThatCrashesOnItsNextRequestIsRestartedAloneAndServesAgain() {
        Pid before = node.whereis("rateLimiter");
        kit.faults().crashOnNextMessage(before);

        http.post().uri("/api/inventory/latte/reserve").exchange().expectStatus().isEqualTo(503);

        assertThat(before).eventually().hasCrashedWith(InjectedCrash.class);
        assertThatSupervisor(node.named(ProcessTree.ROOT)).eventually()
                .child("rateLimiter").hasRestarted(1).isRunning().hasLastCrashed(InjectedCrash.class);
        assertThatSupervisor(node.named(ProcessTree.ROOT)).child("pricingService").hasRestarted(0);
        kit.faults().awaitRestart(node.named("rateLimiter"), before);
    }

    @Test
    void anOrderWalksItsStatesAsItsStateMachineReports(@Autowired Orders orders,
            @Autowired DynamicProcesses<StateMachineHandle<OrderState>> workflows) throws Exception {
        BigDecimal price = new BigDecimal("3.80");
        String id = orders.open(List.of(new OrderLine("latte", 1, price, price)));
        StateMachineHandle<OrderState> order = workflows.get(id);

        http.post().uri("/api/orders/{id}/pay?payment=card-1", id).exchange().expectStatus().isOk();

        assertThat(order).eventually().isInState(new OrderState.Paid("card-1"))
                .hasTransitioned(new OrderState.Pending(), io.otpspring.core.statem.Event.Call.class,
                        new OrderState.Paid("card-1"));
    }
}
