package io.otpspring.sample.order;

import java.time.Duration;

import io.otpspring.cluster.placement.ClusterSingleton;
import io.otpspring.core.genserver.GenServer;

/** Order numbers shared by the instances of a cluster, from the {@code order-numbers} singleton. */
class ClusterOrderNumbers implements OrderNumbers {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ClusterSingleton<Long> sequence;

    ClusterOrderNumbers(ClusterSingleton<Long> sequence) {
        this.sequence = sequence;
    }

    @Override
    public long next() {
        return GenServer.<Long>call(sequence.ref(), new OrderNumberSequence.Next(), TIMEOUT);
    }
}
