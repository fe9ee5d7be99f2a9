package io.otpspring.sample.order;

import java.util.List;

import io.otpspring.sample.order.OrderCommand.Look;
import io.otpspring.spring.process.DynamicProcesses;
import io.otpspring.spring.process.StateMachineHandle;
import org.springframework.stereotype.Service;

/**
 * The orders: a state machine process per order id, reached through the {@code orderWorkflow}
 * {@link DynamicProcesses}. Turns the machines' replies into values and exceptions for the API.
 */
@Service
public class Orders {

    private final DynamicProcesses<StateMachineHandle<OrderState>> workflows;
    private final OrderNumbers numbers;

    public Orders(DynamicProcesses<StateMachineHandle<OrderState>> workflows, OrderNumbers numbers) {
        this.workflows = workflows;
        this.numbers = numbers;
    }

    /** Opens an order for {@code lines}, reserved in inventory already; returns its id. */
    public String open(List<OrderLine> lines) {
        String id = "order-" + numbers.next();
        workflows.start(id, id, List.copyOf(lines));
        return id;
    }

    /** The ids of the orders, in no particular order. */
    public List<String> ids() {
        return workflows.keys().stream().map(String::valueOf).toList();
    }

    /** Order {@code id} as it stands. */
    public Order get(String id) throws UnknownOrderException {
        StateMachineHandle<OrderState> workflow = workflow(id);
        return view(workflow, workflow.call(new Look()));
    }

    /**
     * Sends {@code command} to order {@code id}'s process and returns the order as the command left it.
     *
     * @throws IllegalTransitionException when the order's state does not allow the command (the order is unchanged)
     */
    public Order send(String id, OrderCommand command) throws UnknownOrderException, IllegalTransitionException {
        StateMachineHandle<OrderState> workflow = workflow(id);
        Object reply = workflow.call(command);
        if (reply instanceof Refused(OrderSnapshot order, OrderCommand refused)) {
            throw new IllegalTransitionException(id, order.state().status(), refused.verb());
        }
        return view(workflow, (OrderSnapshot) reply);
    }

    private StateMachineHandle<OrderState> workflow(String id) throws UnknownOrderException {
        return workflows.find(id).orElseThrow(() -> new UnknownOrderException(id));
    }

    /** The order as its machine replied, with the trail its handle keeps. */
    private static Order view(StateMachineHandle<OrderState> workflow, OrderSnapshot order) {
        List<OrderTransition> trail = workflow.recentTransitions().stream().map(OrderTransition::of).toList();
        return new Order(order.id(), order.state().status(), order.state().detail(), order.lines(), order.total(),
                trail);
    }
}
