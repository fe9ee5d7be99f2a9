package io.otpspring.cluster;

/**
 * Sent to the processes that {@linkplain Cluster#monitorNodes monitor nodes} when {@code node}
 * leaves: it died, hung past the failure detector's timeout, or was cut off by a split. After a
 * split heals, the other side is down, then up again.
 */
public record NodeDown(String node) {
}
