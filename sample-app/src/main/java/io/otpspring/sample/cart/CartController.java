package io.otpspring.sample.cart;

import java.net.URI;
import java.util.List;

import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.sample.inventory.OutOfStockException;
import io.otpspring.sample.order.Order;
import io.otpspring.sample.order.Orders;
import io.otpspring.sample.order.UnknownOrderException;
import io.otpspring.sample.pricing.UnknownSkuException;
import io.otpspring.sample.processes.Crashed;
import io.otpspring.spring.process.DynamicProcesses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The carts, a process each: the first item added starts a cart's process, checkout or
 * {@code DELETE} stops it. Each request is a call to one cart's process.
 */
@RestController
@RequestMapping("/api/carts")
class CartController {

    /** The body of {@code POST /api/carts/{id}/items}. */
    record NewItem(@Nullable String sku, @Nullable Integer quantity) {
    }

    private final DynamicProcesses<ShoppingCart> carts;
    private final Orders orders;

    CartController(DynamicProcesses<ShoppingCart> carts, Orders orders) {
        this.carts = carts;
        this.orders = orders;
    }

    /** The ids of the carts with a running process. */
    @GetMapping
    List<String> ids() {
        return carts.keys().stream().map(String::valueOf).sorted().toList();
    }

    @GetMapping("/{id}")
    Cart cart(@PathVariable String id) {
        return running(id).view();
    }

    /** Adds units of a SKU, starting the cart's process if it has none. */
    @PostMapping("/{id}/items")
    Cart add(@PathVariable String id, @RequestBody NewItem item) throws UnknownSkuException {
        String sku = item.sku();
        if (sku == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Send the item as {\"sku\": \"latte\", \"quantity\": 2}");
        }
        return carts.getOrStart(id, id).add(sku, item.quantity() != null ? item.quantity() : 1);
    }

    @DeleteMapping("/{id}/items/{sku}")
    Cart remove(@PathVariable String id, @PathVariable String sku) {
        return running(id).remove(sku);
    }

    /** Stops the cart's process: its items are gone. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        if (!carts.stop(id)) {
            throw noCart(id);
        }
    }

    /** Reserves the cart's items and opens an order for them; the cart's process is then stopped. */
    @PostMapping("/{id}/checkout")
    ResponseEntity<Order> checkout(@PathVariable String id)
            throws EmptyCartException, UnknownSkuException, OutOfStockException, UnknownOrderException {
        String order = running(id).checkout();
        carts.stop(id);
        return ResponseEntity.created(URI.create("/api/orders/" + order)).body(orders.get(order));
    }

    /** Crashes the cart's process; its supervisor restarts it, empty. */
    @PostMapping("/{id}/crash")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Crashed crash(@PathVariable String id) {
        try {
            running(id).crash();
        }
        catch (ExitException exit) {
            if (!(exit.reason() instanceof ExitReason.Crash)) {
                throw exit;
            }
            return new Crashed(carts.name() + "/" + id, String.valueOf(exit.pid()), exit.reason().toString());
        }
        throw new IllegalStateException("cart '" + id + "' did not crash");
    }

    private ShoppingCart running(String id) {
        return carts.find(id).orElseThrow(() -> noCart(id));
    }

    private static ResponseStatusException noCart(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No cart '" + id + "': add an item to start one");
    }
}
