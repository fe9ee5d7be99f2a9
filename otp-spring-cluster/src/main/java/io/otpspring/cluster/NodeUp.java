package io.otpspring.cluster;

/** Sent to the processes that {@linkplain Cluster#monitorNodes monitor nodes} when {@code node} joins. */
public record NodeUp(String node) {
}
