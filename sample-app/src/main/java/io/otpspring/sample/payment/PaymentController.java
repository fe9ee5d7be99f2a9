package io.otpspring.sample.payment;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/payments")
class PaymentController {

    /** The body of {@code POST /api/payments}. */
    record Charge(@Nullable String reference, @Nullable BigDecimal amount) {
    }

    private final PaymentGateway gateway;

    PaymentController(PaymentGateway gateway) {
        this.gateway = gateway;
    }

    @PostMapping
    Receipt charge(@RequestBody Charge charge) throws PaymentDeclinedException {
        if (charge.reference() == null || charge.amount() == null || charge.amount().signum() <= 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Send {\"reference\": \"order-1\", \"amount\": 12.50}, with a positive amount");
        }
        return gateway.charge(charge.reference(), charge.amount());
    }
}
