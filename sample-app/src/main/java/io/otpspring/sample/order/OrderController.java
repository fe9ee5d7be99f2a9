package io.otpspring.sample.order;

import java.util.List;
import java.util.UUID;

import io.otpspring.sample.order.OrderCommand.Cancel;
import io.otpspring.sample.order.OrderCommand.Deliver;
import io.otpspring.sample.order.OrderCommand.Pay;
import io.otpspring.sample.order.OrderCommand.Ship;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Drives the orders' state machines: each request is a call to one order's process. A command the
 * order's state does not allow is answered 409. Orders are opened by checking out a cart.
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final Orders orders;

    OrderController(Orders orders) {
        this.orders = orders;
    }

    @GetMapping
    List<String> ids() {
        return orders.ids();
    }

    @GetMapping("/{id}")
    Order order(@PathVariable String id) throws UnknownOrderException {
        return orders.get(id);
    }

    @PostMapping("/{id}/pay")
    Order pay(@PathVariable String id, @RequestParam(required = false) @Nullable String payment)
            throws UnknownOrderException, IllegalTransitionException {
        return orders.send(id, new Pay(payment != null ? payment : "pay-" + shortId()));
    }

    @PostMapping("/{id}/ship")
    Order ship(@PathVariable String id, @RequestParam(required = false) @Nullable String tracking)
            throws UnknownOrderException, IllegalTransitionException {
        return orders.send(id, new Ship(tracking != null ? tracking : "parcel-" + shortId()));
    }

    @PostMapping("/{id}/deliver")
    Order deliver(@PathVariable String id) throws UnknownOrderException, IllegalTransitionException {
        return orders.send(id, new Deliver());
    }

    @PostMapping("/{id}/cancel")
    Order cancel(@PathVariable String id, @RequestParam(defaultValue = "cancelled by the customer") String reason)
            throws UnknownOrderException, IllegalTransitionException {
        return orders.send(id, new Cancel(reason));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
