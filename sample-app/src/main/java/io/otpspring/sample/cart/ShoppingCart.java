package io.otpspring.sample.cart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.sample.inventory.InventoryService;
import io.otpspring.sample.inventory.OutOfStockException;
import io.otpspring.sample.inventory.Reservation;
import io.otpspring.sample.order.OrderLine;
import io.otpspring.sample.order.Orders;
import io.otpspring.sample.pricing.PricingService;
import io.otpspring.sample.pricing.UnknownSkuException;
import io.otpspring.sample.processes.Crashable;
import io.otpspring.spring.annotation.GenServer;
import io.otpspring.spring.annotation.Init;
import io.otpspring.spring.annotation.Terminate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Scope;

/**
 * One shopping cart, a process: its lines are plain fields, touched by this process only. A
 * prototype bean, so a process per cart id: {@code DynamicProcesses<ShoppingCart>} starts one under
 * the {@code shoppingCart} dynamic supervisor with the id as constructor argument; collaborators
 * come by field injection. A crash restarts this cart alone, empty; other carts keep their items.
 */
@GenServer
@Scope("prototype")
public class ShoppingCart implements Crashable {

    private static final Logger LOG = LoggerFactory.getLogger(ShoppingCart.class);

    private final String id;
    private final Map<String, CartLine> lines = new LinkedHashMap<>();

    @Autowired
    private PricingService pricing;

    @Autowired
    private InventoryService inventory;

    @Autowired
    private Orders orders;

    private @Nullable Pid self;

    public ShoppingCart(String id) {
        this.id = id;
    }

    @Init
    void start(ProcessContext process) {
        self = process.self();
        LOG.info("cart {} started as {}", id, self);
    }

    @Terminate
    void stop(ExitReason reason) {
        LOG.info("cart {} {} stopped: {}", id, self, reason);
    }

    public Cart view() {
        List<CartLine> items = List.copyOf(lines.values());
        BigDecimal total = items.stream().map(CartLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Cart(id, String.valueOf(self), items, total);
    }

    /** Adds units of a SKU at pricing's current price (a call from this process to pricing). */
    public Cart add(String sku, int quantity) throws UnknownSkuException, IllegalArgumentException {
        if (quantity <= 0) {
            throw new IllegalArgumentException("Add at least one unit, not " + quantity);
        }
        BigDecimal price = pricing.priceOf(sku).price();
        CartLine line = lines.get(sku);
        lines.put(sku, CartLine.of(sku, quantity + (line == null ? 0 : line.quantity()), price));
        return view();
    }

    public Cart remove(String sku) {
        lines.remove(sku);
        return view();
    }

    /**
     * Reserves every line in inventory and opens an order for them; returns the order id and
     * empties the cart. The cart's process serialises this with its other calls, so a cart is
     * checked out once. If a line cannot be reserved, the lines reserved so far go back to stock
     * and the cart keeps its items.
     */
    public String checkout() throws EmptyCartException, UnknownSkuException, OutOfStockException {
        if (lines.isEmpty()) {
            throw new EmptyCartException(id);
        }
        List<OrderLine> reserved = new ArrayList<>();
        try {
            for (CartLine line : lines.values()) {
                Reservation reservation = inventory.reserve(line.sku(), line.quantity());
                reserved.add(OrderLine.of(reservation));
            }
        }
        catch (UnknownSkuException | OutOfStockException notAvailable) {
            reserved.forEach(line -> inventory.restock(line.sku(), line.quantity()));
            throw notAvailable;
        }
        String order = orders.open(reserved);
        lines.clear();
        LOG.info("cart {} checked out as {}", id, order);
        return order;
    }

    @Override
    public void crash() {
        throw new IllegalStateException("cart " + id + " crashed on purpose");
    }
}
