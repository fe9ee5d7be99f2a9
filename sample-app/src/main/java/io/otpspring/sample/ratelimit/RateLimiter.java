package io.otpspring.sample.ratelimit;

import java.util.HashMap;
import java.util.Map;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.sample.processes.Crashable;
import io.otpspring.spring.annotation.GenServer;
import io.otpspring.spring.annotation.Info;
import io.otpspring.spring.annotation.Init;
import io.otpspring.spring.annotation.Terminate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A token bucket per client, a process. Each request takes a token; a periodic timer message
 * ({@link Refill}) gives every client one back, up to the capacity. Only the process touches the
 * buckets, so there are no locks and no atomic counters.
 */
@GenServer
public class RateLimiter implements Crashable {

    /** The message the refill timer sends. */
    public record Refill() {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

    private final RateLimitProperties limits;

    /** Tokens left per client; a client with a full bucket has no entry. */
    private final Map<String, Integer> tokens = new HashMap<>();

    private @Nullable Pid self;

    public RateLimiter(RateLimitProperties limits) {
        this.limits = limits;
    }

    /** Starts the refill timer: it sends to this incarnation, and stops when the incarnation exits. */
    @Init
    void start(ProcessContext process) {
        self = process.self();
        process.node().timers().sendInterval(process.self(), new Refill(), limits.refillPeriod());
        LOG.info("rate limiter started as {}: {} requests per client, one more every {} ms", self, limits.capacity(),
                limits.refillPeriod().toMillis());
    }

    @Terminate
    void stop(ExitReason reason) {
        LOG.info("rate limiter {} stopped: {}", self, reason);
    }

    /** Takes a token from {@code client}'s bucket; {@code false} when it is empty. */
    public boolean tryAcquire(String client) {
        int left = tokens.getOrDefault(client, limits.capacity());
        if (left == 0) {
            return false;
        }
        tokens.put(client, left - 1);
        return true;
    }

    @Info
    void refill(Refill refill) {
        tokens.replaceAll((client, left) -> left + 1);
        tokens.values().removeIf(left -> left >= limits.capacity());
    }

    @Override
    public void crash() {
        throw new IllegalStateException("rate limiter crashed on purpose");
    }
}
