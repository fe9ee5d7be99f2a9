package io.otpspring.sample;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.otpspring.core.genserver.CallTimeoutException;
import io.otpspring.core.process.ExitException;
import io.otpspring.sample.cart.EmptyCartException;
import io.otpspring.sample.inventory.OutOfStockException;
import io.otpspring.sample.order.IllegalTransitionException;
import io.otpspring.sample.order.UnknownOrderException;
import io.otpspring.sample.payment.PaymentDeclinedException;
import io.otpspring.sample.pricing.UnknownSkuException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns what a process call can end with into RFC 9457 problem details. A process bean method
 * either returns, throws an exception it declares (a business error: the process lives on), or
 * its process crashes or is down ({@link ExitException}: the supervisor is restarting it, try
 * again). Spring MVC's own errors become problem details too.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ProblemDetail unknownSku(UnknownSkuException unknown) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "Unknown SKU", unknown.getMessage());
        problem.setProperty("sku", unknown.sku());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail outOfStock(OutOfStockException outOfStock) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Out of stock", outOfStock.getMessage());
        problem.setProperty("sku", outOfStock.sku());
        problem.setProperty("available", outOfStock.available());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail emptyCart(EmptyCartException empty) {
        return problem(HttpStatus.CONFLICT, "Empty cart", empty.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknownOrder(UnknownOrderException unknown) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "Unknown order", unknown.getMessage());
        problem.setProperty("order", unknown.id());
        return problem;
    }

    /** The order's state machine refused the command and kept its state. */
    @ExceptionHandler
    ProblemDetail illegalTransition(IllegalTransitionException illegal) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Illegal transition", illegal.getMessage());
        problem.setProperty("order", illegal.id());
        problem.setProperty("state", illegal.status());
        return problem;
    }

    /** Declared by the process methods that validate their arguments. */
    @ExceptionHandler
    ProblemDetail invalidArgument(IllegalArgumentException invalid) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", invalid.getMessage());
    }

    @ExceptionHandler
    ProblemDetail declined(PaymentDeclinedException declined) {
        ProblemDetail problem = problem(HttpStatus.PAYMENT_REQUIRED, "Payment declined", declined.getMessage());
        problem.setProperty("reference", declined.reference());
        return problem;
    }

    /** The circuit breaker in front of a process is open: refused at once, without reaching the process. */
    @ExceptionHandler
    ProblemDetail notPermitted(CallNotPermittedException open) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Circuit open", open.getMessage());
    }

    /** A process's mailbox (its bulkhead) is full: the request is shed instead of queued. */
    @ExceptionHandler
    ProblemDetail bulkheadFull(BulkheadFullException full) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Too busy", full.getMessage());
    }

    @ExceptionHandler
    ProblemDetail processExited(ExitException exit) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Process unavailable", exit.getMessage());
    }

    @ExceptionHandler
    ProblemDetail processTimedOut(CallTimeoutException timeout) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Process did not reply", timeout.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
