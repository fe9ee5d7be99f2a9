package io.otpspring.sample.inventory;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.sample.pricing.Price;
import io.otpspring.sample.pricing.PricingService;
import io.otpspring.sample.pricing.UnknownSkuException;
import io.otpspring.sample.processes.Crashable;
import io.otpspring.spring.annotation.Cast;
import io.otpspring.spring.annotation.GenServer;
import io.otpspring.spring.annotation.Init;
import io.otpspring.spring.annotation.Terminate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shop's stock, a process. It quotes every reservation at pricing's current price, so it
 * injects {@link PricingService}: that dependency is all the supervision tree needs to start it
 * after pricing and to restart it, from its opening stock, whenever pricing restarts.
 */
@GenServer
public class InventoryService implements Crashable {

    private static final Logger LOG = LoggerFactory.getLogger(InventoryService.class);

    /** The stock every incarnation opens with. */
    public static final Map<String, Integer> OPENING_STOCK = Map.of("espresso", 100, "latte", 50, "croissant", 12);

    private final PricingService pricing;
    private final Map<String, Integer> stock = new HashMap<>();

    private @Nullable Pid self;

    public InventoryService(PricingService pricing) {
        this.pricing = pricing;
    }

    @Init
    void start(ProcessContext process) {
        self = process.self();
        stock.putAll(OPENING_STOCK);
        LOG.info("inventory started as {} with the opening stock", self);
    }

    @Terminate
    void stop(ExitReason reason) {
        LOG.info("inventory {} stopped: {}", self, reason);
    }

    public Stock stockOf(String sku) throws UnknownSkuException {
        Integer available = stock.get(sku);
        if (available == null) {
            throw new UnknownSkuException(sku);
        }
        return new Stock(sku, available);
    }

    /**
     * Sets {@code quantity} units aside, at the current price: a call from this process to the
     * pricing process. The exceptions are declared: they go back to the caller, and the process
     * lives on.
     */
    public Reservation reserve(String sku, int quantity)
            throws UnknownSkuException, OutOfStockException, IllegalArgumentException {
        if (quantity <= 0) {
            throw new IllegalArgumentException("Reserve at least one unit, not " + quantity);
        }
        int available = stockOf(sku).available();
        if (available < quantity) {
            throw new OutOfStockException(sku, quantity, available);
        }
        Price price = pricing.priceOf(sku);
        stock.put(sku, available - quantity);
        return new Reservation(sku, quantity, price.price(), price.price().multiply(BigDecimal.valueOf(quantity)),
                available - quantity);
    }

    /** Adds units to the stock: a cast, so the caller does not wait for it. */
    @Cast
    public void restock(String sku, int quantity) {
        stock.merge(sku, quantity, Integer::sum);
    }

    @Override
    public void crash() {
        throw new IllegalStateException("inventory crashed on purpose");
    }
}
