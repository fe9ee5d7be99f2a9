package io.otpspring.sample.order;

import io.otpspring.core.statem.StateChange;
import io.otpspring.core.statem.TransitionListener;
import io.otpspring.spring.process.DynamicProcesses;
import io.otpspring.spring.process.StateMachineHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The audit trail: logs every transition of every order, on the order's own process, before the
 * caller gets its reply. Declared for {@link OrderState}, it hears the order machines only.
 */
@Component
class OrderAuditLog implements TransitionListener<OrderState> {

    private static final Logger LOG = LoggerFactory.getLogger(OrderAuditLog.class);

    private final DynamicProcesses<StateMachineHandle<OrderState>> workflows;

    OrderAuditLog(DynamicProcesses<StateMachineHandle<OrderState>> workflows) {
        this.workflows = workflows;
    }

    @Override
    public void onTransition(StateChange<OrderState> change) {
        OrderState to = change.to();
        // the machine registers its key before its init runs, so even the initial state finds it
        Object order = workflows.registry().keys(change.machine()).stream().findFirst().orElse(change.machine());
        String from = change.from() != null ? change.from().status() : "start";
        LOG.info("order {}: {} -> {} ({})", order, from, to.status(), OrderTransition.kind(change.event()));
    }
}
