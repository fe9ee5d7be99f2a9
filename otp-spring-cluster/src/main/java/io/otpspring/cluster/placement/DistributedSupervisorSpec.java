package io.otpspring.cluster.placement;

import java.time.Duration;
import java.util.Objects;

import io.otpspring.core.supervision.DynamicSupervisorSpec;
import io.otpspring.core.supervision.Shutdown;
import io.otpspring.core.supervision.SupervisorSpec;

/**
 * How a {@link DistributedSupervisor} runs its keys' processes.
 *
 * @param intensity the restarts after crashes each node allows within {@code period} before its
 *                  local supervisor gives up (and restarts the node's part of the supervisor)
 * @param period the window of the restart intensity
 * @param shutdown how long a process has to stop (and save its state) when it is stopped or moved
 * @param reconcileInterval how often each node checks, besides membership and migration events,
 *                          that it runs exactly the keys it should
 * @param startTimeout how long {@link DistributedSupervisor#startChild} waits for the key's node to start it
 */
public record DistributedSupervisorSpec(int intensity, Duration period, Shutdown shutdown, Duration reconcileInterval,
        Duration startTimeout) {

    private static final DistributedSupervisorSpec DEFAULTS = new DistributedSupervisorSpec(SupervisorSpec.DEFAULT_INTENSITY,
            SupervisorSpec.DEFAULT_PERIOD, Shutdown.timeout(Duration.ofSeconds(5)), Duration.ofSeconds(5), Duration.ofSeconds(15));

    public DistributedSupervisorSpec {
        new DynamicSupervisorSpec(intensity, period, DynamicSupervisorSpec.UNLIMITED); // checks them as each node's will
        Objects.requireNonNull(shutdown, "shutdown");
        requirePositive(reconcileInterval, "reconcile interval");
        requirePositive(startTimeout, "start timeout");
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (!duration.isPositive()) {
            throw new IllegalArgumentException(what + " must be positive, was " + duration);
        }
    }

    /**
     * 3 restarts in 5 seconds, 5 seconds to stop, a reconcile pass every 5 seconds, 15 seconds to start a key.
     */
    public static DistributedSupervisorSpec defaults() {
        return DEFAULTS;
    }

    /** The same, allowing {@code intensity} restarts within {@code period} on each node. */
    public DistributedSupervisorSpec withIntensity(int intensity, Duration period) {
        return new DistributedSupervisorSpec(intensity, period, shutdown, reconcileInterval, startTimeout);
    }

    /** The same, giving processes {@code shutdown} to stop. */
    public DistributedSupervisorSpec withShutdown(Shutdown shutdown) {
        return new DistributedSupervisorSpec(intensity, period, shutdown, reconcileInterval, startTimeout);
    }

    /** The same, with a periodic reconcile pass every {@code reconcileInterval}. */
    public DistributedSupervisorSpec withReconcileInterval(Duration reconcileInterval) {
        return new DistributedSupervisorSpec(intensity, period, shutdown, reconcileInterval, startTimeout);
    }

    /** The same, waiting up to {@code startTimeout} for a key to start. */
    public DistributedSupervisorSpec withStartTimeout(Duration startTimeout) {
        return new DistributedSupervisorSpec(intensity, period, shutdown, reconcileInterval, startTimeout);
    }

    /** The spec of each node's local dynamic supervisor. */
    DynamicSupervisorSpec local() {
        return DynamicSupervisorSpec.defaults().withIntensity(intensity, period);
    }
}
