package io.otpspring.cluster.transport;

/** A message for another node that neither Hazelcast nor the JSON fallback can carry. */
public final class NotSerializableException extends IllegalArgumentException {

    NotSerializableException(String message) {
        super(message);
    }
}
