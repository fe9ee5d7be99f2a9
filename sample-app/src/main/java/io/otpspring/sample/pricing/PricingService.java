package io.otpspring.sample.pricing;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.sample.processes.Crashable;
import io.otpspring.spring.annotation.GenServer;
import io.otpspring.spring.annotation.Init;
import io.otpspring.spring.annotation.Terminate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shop's prices, a process: the map below is its state, touched only by the process itself, so
 * it needs no locks. Every incarnation starts from the list prices; a price set over HTTP lasts
 * until the process restarts.
 */
@GenServer
public class PricingService implements Crashable {

    private static final Logger LOG = LoggerFactory.getLogger(PricingService.class);

    /** The catalogue's prices, what every incarnation starts with. */
    public static final Map<String, BigDecimal> LIST_PRICES = Map.of(
            "espresso", new BigDecimal("2.50"),
            "latte", new BigDecimal("3.80"),
            "croissant", new BigDecimal("2.20"));

    private final Map<String, BigDecimal> prices = new HashMap<>();

    private @Nullable Pid self;

    @Init
    void start(ProcessContext process) {
        self = process.self();
        prices.putAll(LIST_PRICES);
        LOG.info("pricing started as {} with the list prices", self);
    }

    @Terminate
    void stop(ExitReason reason) {
        LOG.info("pricing {} stopped: {}", self, reason);
    }

    /** The price of {@code sku}; an unknown SKU is the caller's error, declared, so the process lives on. */
    public Price priceOf(String sku) throws UnknownSkuException {
        BigDecimal price = prices.get(sku);
        if (price == null) {
            throw new UnknownSkuException(sku);
        }
        return new Price(sku, price);
    }

    /**
     * Sets the price of a SKU of the catalogue. {@code IllegalArgumentException} is declared, so an
     * invalid price goes back to the caller instead of crashing the process.
     */
    public Price setPrice(String sku, BigDecimal price) throws UnknownSkuException, IllegalArgumentException {
        if (!prices.containsKey(sku)) {
            throw new UnknownSkuException(sku);
        }
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("A price must be positive, got " + price);
        }
        prices.put(sku, price);
        return new Price(sku, price);
    }

    @Override
    public void crash() {
        throw new IllegalStateException("pricing crashed on purpose");
    }
}
