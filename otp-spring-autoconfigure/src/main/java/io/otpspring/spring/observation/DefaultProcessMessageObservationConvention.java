package io.otpspring.spring.observation;

import io.micrometer.common.KeyValues;
import io.otpspring.core.telemetry.HandledMessage;
import io.otpspring.spring.process.MessageNames;

/**
 * {@code otp.process.messages}, with low-cardinality keys (metric tags) {@code process} (the
 * process's name or label), {@code kind} ({@code call}, {@code cast}, {@code info}) and
 * {@code outcome} ({@code success}, or {@code crash} when the handler threw), and high-cardinality
 * keys (span attributes only) {@code otp.pid} and {@code otp.message}. Spans are named
 * {@code <process> <kind>}, e.g. {@code inventory call}.
 */
public class DefaultProcessMessageObservationConvention implements ProcessMessageObservationConvention {

    /** The Observation's name, and so the timer's. */
    public static final String NAME = "otp.process.messages";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(ProcessMessageContext context) {
        HandledMessage message = context.getMessage();
        return message.label() + " " + message.kind().tagValue();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ProcessMessageContext context) {
        HandledMessage message = context.getMessage();
        return KeyValues.of("process", message.label(), "kind", message.kind().tagValue(),
                "outcome", context.getError() == null ? "success" : "crash");
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ProcessMessageContext context) {
        HandledMessage message = context.getMessage();
        return KeyValues.of("otp.pid", message.pid().toString(), "otp.message", MessageNames.of(message.payload()));
    }
}
