package io.otpspring.sample.inventory;

import io.otpspring.sample.pricing.UnknownSkuException;
import io.otpspring.sample.ratelimit.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Stock levels, reservations and restocking. Reservations are rate-limited per client (the
 * {@value #CLIENT_HEADER} header, else the caller's address) by the {@code rateLimiter} process.
 */
@RestController
@RequestMapping("/api/inventory")
class InventoryController {

    /** The request header that names the client a reservation is counted against. */
    static final String CLIENT_HEADER = "X-Client-Id";

    private final InventoryService inventory;
    private final RateLimiter rateLimiter;

    InventoryController(InventoryService inventory, RateLimiter rateLimiter) {
        this.inventory = inventory;
        this.rateLimiter = rateLimiter;
    }

    @GetMapping("/{sku}")
    Stock stock(@PathVariable String sku) throws UnknownSkuException {
        return inventory.stockOf(sku);
    }

    @PostMapping("/{sku}/reserve")
    Reservation reserve(@PathVariable String sku, @RequestParam(defaultValue = "1") int quantity,
            @RequestHeader(name = CLIENT_HEADER, required = false) @Nullable String client, HttpServletRequest request)
            throws UnknownSkuException, OutOfStockException {
        String counted = client != null ? client : request.getRemoteAddr();
        if (!rateLimiter.tryAcquire(counted)) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS,
                    "Client '" + counted + "' has used up its reservations for now; try again in a moment");
        }
        return inventory.reserve(sku, quantity);
    }

    /** Queues the restock and answers at once (202): the process adds the units when it gets to the message. */
    @PostMapping("/{sku}/restock")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void restock(@PathVariable String sku, @RequestParam int quantity) throws UnknownSkuException {
        if (quantity <= 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Restock at least one unit, not " + quantity);
        }
        inventory.stockOf(sku); // an unknown SKU: 404, before anything is queued
        inventory.restock(sku, quantity);
    }
}
