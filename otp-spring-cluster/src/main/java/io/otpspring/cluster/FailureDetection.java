package io.otpspring.cluster;

import java.time.Duration;
import java.util.Objects;

import com.hazelcast.config.Config;

/**
 * How fast a hung or cut-off node is declared down, and how soon a healed split is merged.
 * Hazelcast's own defaults (a heartbeat every 5 s, down after 60 s without one, the first merge
 * attempt after 300 s) suit large, stable clusters; otp-spring's are tighter.
 *
 * @param heartbeatInterval how often members send heartbeats
 * @param maxNoHeartbeat how long without a heartbeat before a member is declared down
 * @param mergeDelay how long after a split the members look for the other side to merge with, and how often after that
 */
public record FailureDetection(Duration heartbeatInterval, Duration maxNoHeartbeat, Duration mergeDelay) {

    /** A heartbeat each second, down after 10 s without one, merges looked for every 10 s. */
    public static final FailureDetection DEFAULTS = new FailureDetection(Duration.ofSeconds(1),
            Duration.ofSeconds(10), Duration.ofSeconds(10));

    public FailureDetection {
        requirePositiveSeconds(heartbeatInterval, "heartbeat interval");
        requirePositiveSeconds(maxNoHeartbeat, "max no heartbeat");
        requirePositiveSeconds(mergeDelay, "merge delay");
        if (maxNoHeartbeat.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("max no heartbeat (" + maxNoHeartbeat
                    + ") must be longer than the heartbeat interval (" + heartbeatInterval + ")");
        }
    }

    private static void requirePositiveSeconds(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.toSeconds() < 1) {
            throw new IllegalArgumentException(what + " must be at least one second (Hazelcast counts whole seconds), was " + duration);
        }
    }

    /** Sets these timings on {@code config}. */
    public void applyTo(Config config) {
        config.setProperty("hazelcast.heartbeat.interval.seconds", Long.toString(heartbeatInterval.toSeconds()));
        config.setProperty("hazelcast.max.no.heartbeat.seconds", Long.toString(maxNoHeartbeat.toSeconds()));
        config.setProperty("hazelcast.merge.first.run.delay.seconds", Long.toString(mergeDelay.toSeconds()));
        config.setProperty("hazelcast.merge.next.run.delay.seconds", Long.toString(mergeDelay.toSeconds()));
    }
}
