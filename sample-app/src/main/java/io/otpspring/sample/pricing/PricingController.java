package io.otpspring.sample.pricing;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Reads and sets prices; each request is a call to the {@code pricingService} process. */
@RestController
@RequestMapping("/api/prices")
class PricingController {

    /** The body of {@code PUT /api/prices/{sku}}. */
    record NewPrice(@Nullable BigDecimal price) {
    }

    private final PricingService pricing;

    PricingController(PricingService pricing) {
        this.pricing = pricing;
    }

    @GetMapping("/{sku}")
    Price price(@PathVariable String sku) throws UnknownSkuException {
        return pricing.priceOf(sku);
    }

    @PutMapping("/{sku}")
    Price setPrice(@PathVariable String sku, @RequestBody NewPrice request) throws UnknownSkuException {
        BigDecimal price = request.price();
        if (price == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Send the new price as {\"price\": 2.90}");
        }
        return pricing.setPrice(sku, price);
    }
}
