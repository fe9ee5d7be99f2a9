package io.otpspring.spring.actuate.endpoint;

import io.otpspring.core.statem.Event;
import io.otpspring.spring.process.MessageNames;
import org.jspecify.annotations.Nullable;

/** Names of states and events that reveal structure, not data: safe to show unsanitized. */
final class StateNames {

    private StateNames() {
    }

    /** An enum constant's name, else the state's class name ({@code Paid} for {@code OrderState.Paid(amount)}). */
    static @Nullable String of(@Nullable Object state) {
        if (state == null) {
            return null;
        }
        return state instanceof Enum<?> constant ? constant.name() : state.getClass().getSimpleName();
    }

    /** {@code cast PayOrder}, {@code call Order.status}, {@code state_timeout}, {@code enter}, ... */
    static @Nullable String of(@Nullable Event<?> event) {
        if (event == null) {
            return null;
        }
        return switch (event) {
            case Event.Call<?> call -> "call " + MessageNames.of(call.request());
            case Event.Cast<?> cast -> "cast " + MessageNames.of(cast.message());
            case Event.Info<?> info -> "info " + MessageNames.of(info.message());
            case Event.Internal<?> internal -> "internal " + MessageNames.of(internal.content());
            case Event.StateTimeout<?> timeout -> "state_timeout";
            case Event.EventTimeout<?> timeout -> "event_timeout";
            case Event.GenericTimeout<?> timeout -> "timeout " + timeout.name();
            case Event.Enter<?> enter -> "enter";
        };
    }
}
