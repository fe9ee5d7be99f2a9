package io.otpspring.spring.observation;

import io.micrometer.observation.Observation;
import io.otpspring.core.telemetry.HandledMessage;

/** The Observation context of one handled message. */
public class ProcessMessageContext extends Observation.Context {

    private final HandledMessage message;

    public ProcessMessageContext(HandledMessage message) {
        this.message = message;
    }

    /** The message being handled: its process, kind and payload. */
    public HandledMessage getMessage() {
        return message;
    }
}
