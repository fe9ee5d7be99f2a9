package io.otpspring.cluster.transport;

/**
 * A message Hazelcast could not serialize, carried as JSON with its class name instead. Only
 * the top-level type is restored: nested values come back as what JSON makes of them unless the
 * class declares their types.
 */
record JsonPayload(String type, byte[] json) {
}
