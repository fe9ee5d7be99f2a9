package io.otpspring.sample.order;

import java.util.concurrent.atomic.AtomicLong;

/** Order numbers of one instance on its own: a counter from 1. */
class LocalOrderNumbers implements OrderNumbers {

    private final AtomicLong sequence = new AtomicLong();

    @Override
    public long next() {
        return sequence.incrementAndGet();
    }
}
