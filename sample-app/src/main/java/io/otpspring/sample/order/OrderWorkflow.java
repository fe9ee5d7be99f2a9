package io.otpspring.sample.order;

import java.math.BigDecimal;
import java.util.List;

import io.otpspring.core.genserver.From;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.statem.Event;
import io.otpspring.core.statem.Transition;
import io.otpspring.sample.inventory.InventoryService;
import io.otpspring.sample.order.OrderCommand.Cancel;
import io.otpspring.sample.order.OrderCommand.Deliver;
import io.otpspring.sample.order.OrderCommand.Look;
import io.otpspring.sample.order.OrderCommand.Pay;
import io.otpspring.sample.order.OrderCommand.Ship;
import io.otpspring.sample.order.OrderState.Cancelled;
import io.otpspring.sample.order.OrderState.Delivered;
import io.otpspring.sample.order.OrderState.Paid;
import io.otpspring.sample.order.OrderState.Pending;
import io.otpspring.sample.order.OrderState.Shipped;
import io.otpspring.spring.annotation.GenStateMachine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Scope;

import static io.otpspring.core.statem.Action.reply;
import static io.otpspring.core.statem.Action.stateTimeout;
import static io.otpspring.core.statem.Transition.keep;
import static io.otpspring.core.statem.Transition.next;

/**
 * One order, a state machine process: pending → paid → shipped → delivered, cancellable until it
 * ships. A pending order that is not paid within {@code sample.orders.payment-timeout} is
 * cancelled (a state timeout: paying changes the state, which cancels it). Cancelling puts the
 * reserved units back in stock.
 *
 * <p>A prototype bean: {@link Orders} starts one per order id under the {@code orderWorkflow}
 * dynamic supervisor, with the id and lines as constructor arguments; collaborators come by field
 * injection. A restart rebuilds it from the same arguments, pending again.
 */
@GenStateMachine
@Scope("prototype")
public class OrderWorkflow implements io.otpspring.core.statem.GenStateMachine<OrderState> {

    private static final Logger LOG = LoggerFactory.getLogger(OrderWorkflow.class);

    /** The reason an unpaid order is cancelled with. */
    public static final String PAYMENT_TIMEOUT = "payment timeout";

    private final String id;
    private final List<OrderLine> lines;
    private final BigDecimal total;

    @Autowired
    private OrderProperties properties;

    @Autowired
    private InventoryService inventory;

    public OrderWorkflow(String id, List<OrderLine> lines) {
        this.id = id;
        this.lines = List.copyOf(lines);
        this.total = this.lines.stream().map(OrderLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public Transition.Next<OrderState> init(ProcessContext self) {
        LOG.info("order {} opened as {}: {} to pay within {}", id, self.self(), total, properties.paymentTimeout());
        return next(new Pending(), stateTimeout(properties.paymentTimeout(), PAYMENT_TIMEOUT));
    }

    @Override
    public Transition<OrderState> handleEvent(OrderState state, Event<OrderState> event) {
        return switch (event) {
            case Event.Call<OrderState>(OrderCommand command, From from) -> command(state, command, from);
            case Event.StateTimeout<OrderState> paymentDue when state instanceof Pending ->
                    next(cancelled(PAYMENT_TIMEOUT));
            default -> keep(); // only Orders talks to an order, with commands
        };
    }

    private Transition<OrderState> command(OrderState state, OrderCommand command, From from) {
        return switch (command) {
            case Pay(String payment) when state instanceof Pending -> moveTo(new Paid(payment), from);
            case Ship(String tracking) when state instanceof Paid -> moveTo(new Shipped(tracking), from);
            case Deliver deliver when state instanceof Shipped -> moveTo(new Delivered(), from);
            case Cancel(String reason) when state.cancellable() -> moveTo(cancelled(reason), from);
            case Look look -> keep(reply(from, snapshot(state)));
            default -> keep(reply(from, new Refused(snapshot(state), command)));
        };
    }

    /** Goes to {@code state}, answering the caller with the order in it. */
    private Transition.Next<OrderState> moveTo(OrderState state, From from) {
        return next(state, reply(from, snapshot(state)));
    }

    /** Puts the reserved units back in stock: casts, so the order does not wait for inventory. */
    private Cancelled cancelled(String reason) {
        for (OrderLine line : lines) {
            inventory.restock(line.sku(), line.quantity());
        }
        return new Cancelled(reason);
    }

    private OrderSnapshot snapshot(OrderState state) {
        return new OrderSnapshot(id, state, lines, total);
    }

    @Override
    public void terminate(ExitReason reason, OrderState state) {
        LOG.info("order {} stopped {}: {}", id, state.status(), reason);
    }
}
