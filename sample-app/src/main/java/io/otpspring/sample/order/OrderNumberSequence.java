package io.otpspring.sample.order;

import io.otpspring.cluster.placement.Checkpoint;
import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import org.jspecify.annotations.Nullable;

/**
 * The cluster singleton that numbers every instance's orders. It saves each number before it
 * gives it out, so the instance that takes over after its node dies goes on from there: no
 * number is given twice. A save refused (a newer incarnation runs elsewhere) crashes it instead
 * of answering.
 */
final class OrderNumberSequence implements GenServer {

    /** The request for the next number. */
    record Next() {
    }

    private long last;
    private final Checkpoint<Long> checkpoint;

    OrderNumberSequence(@Nullable Long saved, Checkpoint<Long> checkpoint) {
        this.last = saved == null ? 0 : saved;
        this.checkpoint = checkpoint;
    }

    @Override
    public Reply handleCall(Object request, From from) {
        long next = last + 1;
        if (!checkpoint.save(next)) {
            throw new IllegalStateException("order number " + next + " was not saved: another incarnation took over");
        }
        last = next;
        return Reply.of(next);
    }
}
