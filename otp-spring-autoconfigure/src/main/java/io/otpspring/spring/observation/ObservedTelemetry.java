package io.otpspring.spring.observation;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.otpspring.core.process.Pid;
import io.otpspring.core.telemetry.HandledMessage;
import io.otpspring.core.telemetry.Telemetry;
import io.otpspring.spring.metrics.ProcessMeters;
import org.jspecify.annotations.Nullable;

/**
 * The node's telemetry in a Spring application: each send captures a snapshot of the sender's
 * thread-local context (its current Observation, hence its trace, among them); each handled message
 * runs with that snapshot restored, inside an {@code otp.process.messages} Observation whose parent
 * is the sender's. Crashes and restarts are counted by {@link ProcessMeters} when Micrometer
 * metrics are there.
 */
public final class ObservedTelemetry implements Telemetry {

    private static final DefaultProcessMessageObservationConvention DEFAULT_CONVENTION =
            new DefaultProcessMessageObservationConvention();

    private final ObservationRegistry registry;
    private final ContextSnapshotFactory snapshots;
    private final @Nullable ProcessMessageObservationConvention convention;
    private final @Nullable ProcessMeters meters;

    /**
     * {@code convention}: replaces the default one when not {@code null}; {@code meters}: counts
     * crashes and restarts when not {@code null}.
     */
    public ObservedTelemetry(ObservationRegistry registry, ContextSnapshotFactory snapshots,
            @Nullable ProcessMessageObservationConvention convention, @Nullable ProcessMeters meters) {
        this.registry = registry;
        this.snapshots = snapshots;
        this.convention = convention;
        this.meters = meters;
    }

    @Override
    public @Nullable Object capture() {
        return registry.isNoop() ? null : snapshots.captureAll();
    }

    @Override
    public void handle(HandledMessage message, MessageHandler handler) throws Exception {
        if (registry.isNoop()) {
            handler.run();
        }
        else if (message.context() instanceof ContextSnapshot snapshot) {
            try (ContextSnapshot.Scope restored = snapshot.setThreadLocals()) {
                observe(message, handler);
            }
        }
        else {
            observe(message, handler);
        }
    }

    private void observe(HandledMessage message, MessageHandler handler) throws Exception {
        ProcessMessageContext context = new ProcessMessageContext(message);
        try {
            Observation.createNotStarted(convention, DEFAULT_CONVENTION, () -> context, registry)
                    .observeChecked(handler::run);
        }
        finally {
            // stopped, it needs its parent no more: processes messaging each other for ever must not
            // keep every earlier Observation reachable through a chain of parents
            context.setParentObservation(null);
        }
    }

    @Override
    public void processCrashed(Pid pid, String label, Throwable cause) {
        if (meters != null) {
            meters.processCrashed(label, cause);
        }
    }

    @Override
    public void childRestarted(Pid supervisor, String supervisorLabel, String childId) {
        if (meters != null) {
            meters.childRestarted(supervisorLabel, childId);
        }
    }
}
