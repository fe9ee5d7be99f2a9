package io.otpspring.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** Names and tags the Observation of a handled message; declare a bean of this type to replace the default. */
public interface ProcessMessageObservationConvention extends ObservationConvention<ProcessMessageContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof ProcessMessageContext;
    }
}
