package io.otpspring.core.statem;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.process.ProcessRef;
import io.otpspring.core.process.SpawnOptions;
import io.otpspring.core.process.VirtualTime;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.core.supervision.SupervisorSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.otpspring.core.process.Probe.WAIT;
import static io.otpspring.core.process.Probe.eventually;
import static io.otpspring.core.statem.Action.postpone;
import static io.otpspring.core.statem.Action.reply;
import static io.otpspring.core.statem.Action.stateTimeout;
import static io.otpspring.core.statem.Transition.keep;
import static io.otpspring.core.statem.Transition.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The order workflow of README.md's "State machines" section, end to end: pending → paid →
 * shipped → delivered, cancellation, a payment window, an audit trail, a supervised restart.
 */
class OrderWorkflowTest {

    // ---------------------------------------------------------------- the example, as in README.md

    sealed interface Order permits Pending, Paid, Shipped, Delivered, Cancelled {
    }

    record Pending() implements Order {
    }

    record Paid(String payment) implements Order {
    }

    record Shipped(String tracking) implements Order {
    }

    record Delivered() implements Order {
    }

    record Cancelled(String reason) implements Order {
    }

    record Pay(String payment) {
    }

    record Ship(String tracking) {
    }

    record Deliver() {
    }

    record Cancel(String reason) {
    }

    static final class OrderMachine implements GenStateMachine<Order> {

        @Override
        public Transition.Next<Order> init(ProcessContext self) {
            // a state timeout: cancelled by any state change
            return next(new Pending(), stateTimeout(Duration.ofMinutes(30), "unpaid"));
        }

        @Override
        public Transition<Order> handleEvent(Order order, Event<Order> event) {
            if (event instanceof Event.StateTimeout<Order>) {
                return next(new Cancelled("payment timeout"));
            }
            if (!(event instanceof Event.Call<Order>(Object request, From from))) {
                return keep();
            }
            return switch (order) {
                case Pending p when request instanceof Pay(var id) -> next(new Paid(id), reply(from, "paid"));
                case Pending p when request instanceof Ship -> keep(postpone());          // answered once paid
                case Pending p when request instanceof Cancel(var why) -> next(new Cancelled(why), reply(from, "ok"));
                case Paid p when request instanceof Ship(var parcel) -> next(new Shipped(parcel), reply(from, "sent"));
                case Paid p when request instanceof Cancel(var why) -> next(new Cancelled(why), reply(from, "refund"));
                case Shipped s when request instanceof Deliver -> next(new Delivered(), reply(from, "delivered"));
                default -> keep(reply(from, order));                                     // anything else: the state
            };
        }
    }

    // ---------------------------------------------------------------- the tests

    private final VirtualTime time = new VirtualTime();
    private final Node node = Node.start("orders", time);
    private final List<StateChange<Order>> audit = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        node.close();
    }

    private Pid start() {
        return GenStateMachine.start(node, new OrderMachine(), SpawnOptions.defaults(), audit::add);
    }

    private static Object call(ProcessRef order, Object request) {
        return GenServer.call(order, request);
    }

    @Test
    void anOrderGoesFromPendingToDeliveredAndEveryStepIsAudited() {
        Pid order = start();

        assertThat(call(order, new Pay("pay-1"))).isEqualTo("paid");
        assertThat(call(order, new Ship("track-1"))).isEqualTo("sent");
        assertThat(call(order, new Deliver())).isEqualTo("delivered");

        assertThat(call(order, "status")).isEqualTo(new Delivered());
        assertThat(audit).extracting(StateChange::from, StateChange::to).containsExactly(
                tuple(null, new Pending()),
                tuple(new Pending(), new Paid("pay-1")),
                tuple(new Paid("pay-1"), new Shipped("track-1")),
                tuple(new Shipped("track-1"), new Delivered()));
        assertThat(audit.get(1).event()).isInstanceOfSatisfying(Event.Call.class,
                call -> assertThat(call.request()).isEqualTo(new Pay("pay-1")));
    }

    @Test
    void theHandlerIsAFunctionOfStateAndEventTestableWithoutAProcess() {
        From caller = value -> { };
        OrderMachine orders = new OrderMachine();

        assertThat(orders.handleEvent(new Pending(), new Event.Call<>(new Pay("pay-1"), caller)))
                .isEqualTo(next(new Paid("pay-1"), reply(caller, "paid")));
        assertThat(orders.handleEvent(new Pending(), new Event.Call<>(new Ship("track-1"), caller)))
                .isEqualTo(keep(postpone()));
        assertThat(orders.handleEvent(new Paid("pay-1"), new Event.StateTimeout<>("unpaid")))
                .isEqualTo(next(new Cancelled("payment timeout")));
    }

    @Test
    void aShipRequestWhilePendingWaitsForThePayment() throws Exception {
        ScriptedMachine<Order> logged = ScriptedMachine.logging(new OrderMachine());
        Pid order = GenStateMachine.start(node, logged);
        try (ExecutorService warehouse = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Object> ship = warehouse.submit(() -> GenServer.call(order, new Ship("track-1"), WAIT));
            eventually().until(() -> logged.log().contains("Pending[] call:Ship[tracking=track-1]"));

            assertThat(call(order, new Pay("pay-1"))).isEqualTo("paid");

            assertThat(ship.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("sent");
            assertThat(call(order, "status")).isEqualTo(new Shipped("track-1"));
        }
    }

    @Test
    void anUnpaidOrderIsCancelledWhenThePaymentWindowCloses() {
        Pid order = start();

        assertThat(time.advance(Duration.ofMinutes(29))).isZero();
        assertThat(call(order, "status")).isEqualTo(new Pending());
        assertThat(time.advance(Duration.ofMinutes(1))).isEqualTo(1);

        assertThat(call(order, "status")).isEqualTo(new Cancelled("payment timeout"));
        assertThat(audit.get(1).event()).isEqualTo(new Event.StateTimeout<Order>("unpaid"));
    }

    @Test
    void paymentCancelsThePaymentWindow() {
        Pid order = start();

        call(order, new Pay("pay-1"));

        assertThat(time.advance(Duration.ofHours(1))).isZero();
        assertThat(call(order, "status")).isEqualTo(new Paid("pay-1"));
    }

    @Test
    void anOrderCanBeCancelledUntilItShips() {
        Pid pending = start();
        Pid paid = start();
        Pid shipped = start();
        call(paid, new Pay("pay-2"));
        call(shipped, new Pay("pay-3"));
        call(shipped, new Ship("track-3"));

        assertThat(call(pending, new Cancel("changed my mind"))).isEqualTo("ok");
        assertThat(call(paid, new Cancel("too slow"))).isEqualTo("refund");
        assertThat(call(shipped, new Cancel("too late"))).isEqualTo(new Shipped("track-3"));

        assertThat(call(pending, "status")).isEqualTo(new Cancelled("changed my mind"));
        assertThat(call(paid, "status")).isEqualTo(new Cancelled("too slow"));
        assertThat(call(shipped, "status")).isEqualTo(new Shipped("track-3"));
    }

    @Test
    void aSupervisedOrderIsRestartedPendingWithAFreshPaymentWindow() {
        Supervisor.start(node, SupervisorSpec.oneForOne(
                GenStateMachine.childSpec("order-42", OrderMachine::new, audit::add).withName("order-42")));
        ProcessRef order = node.named("order-42");
        Pid first = order.resolve();
        call(order, new Pay("pay-1"));

        node.exit(first, ExitReason.KILL);

        assertThat(call(order, "status")).isEqualTo(new Pending());
        assertThat(audit).filteredOn(StateChange::isInitial).hasSize(2);
        assertThat(time.pending()).as("the new incarnation's payment window").isEqualTo(1);
    }
}
