package io.otpspring.sample.payment;

import java.math.BigDecimal;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.sample.processes.Crashable;
import io.otpspring.spring.annotation.Backoff;
import io.otpspring.spring.annotation.GenServer;
import io.otpspring.spring.annotation.Init;
import io.otpspring.spring.annotation.Supervised;
import io.otpspring.spring.annotation.Terminate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client of a flaky payment provider, as a process. It declines charges over the limit (a
 * declared exception: an answer) and, every {@code crashEvery} charges, loses its connection and
 * crashes.
 * <ul>
 * <li>Its supervisor restarts it after a growing delay (0.5 s, then 1 s, 2 s, ... up to 10 s, with
 * jitter) rather than at once, so a provider that is down is not hammered; calls meanwhile fail
 * at once.</li>
 * <li>The {@code paymentGateway} circuit breaker counts its crashes, exits and timeouts. Once it
 * opens, callers are refused at once ({@code CallNotPermittedException}, 503 here) until it lets
 * a trial call through.</li>
 * </ul>
 */
@GenServer(circuitBreaker = "paymentGateway")
@Supervised(backoff = @Backoff(initial = "500ms", max = "10s", resetAfter = "30s"))
public class PaymentGateway implements Crashable {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentGateway.class);

    private final PaymentProperties provider;
    private int charges;
    private @Nullable Pid self;

    public PaymentGateway(PaymentProperties provider) {
        this.provider = provider;
    }

    @Init
    void connect(ProcessContext process) {
        self = process.self();
        LOG.info("payment gateway connected as {}", self);
    }

    @Terminate
    void disconnect(ExitReason reason) {
        LOG.info("payment gateway {} disconnected: {}", self, reason);
    }

    /** Charges {@code amount} for {@code reference}. */
    public Receipt charge(String reference, BigDecimal amount) throws PaymentDeclinedException {
        charges++;
        if (provider.crashEvery() > 0 && charges % provider.crashEvery() == 0) {
            throw new IllegalStateException("connection to the payment provider lost");
        }
        if (amount.compareTo(provider.limit()) > 0) {
            throw new PaymentDeclinedException(reference, amount, provider.limit());
        }
        return new Receipt(reference, amount, "auth-" + self + "-" + charges);
    }

    @Override
    public void crash() {
        throw new IllegalStateException("payment gateway crashed on purpose");
    }
}
