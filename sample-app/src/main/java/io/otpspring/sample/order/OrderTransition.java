package io.otpspring.sample.order;

import java.time.Instant;

import io.otpspring.core.statem.Event;
import io.otpspring.core.statem.StateChange;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an order's trail, as the API shows it.
 *
 * @param from the status left; {@code null} when the order (or a restarted incarnation) started in {@code to}
 * @param to the status entered
 * @param event what kind of event changed it, in {@code gen_statem}'s words: {@code init}, {@code call},
 *              {@code state_timeout}, …
 * @param at when
 */
public record OrderTransition(@Nullable String from, String to, String event, Instant at) {

    static OrderTransition of(StateChange<OrderState> change) {
        OrderState from = change.from();
        return new OrderTransition(from == null ? null : from.status(), change.to().status(), kind(change.event()),
                change.at());
    }

    /** The kind of {@code event}; {@code init} for an incarnation's initial state. */
    static String kind(@Nullable Event<?> event) {
        return switch (event) {
            case null -> "init";
            case Event.Call<?> call -> "call";
            case Event.Cast<?> cast -> "cast";
            case Event.Info<?> info -> "info";
            case Event.Internal<?> internal -> "internal";
            case Event.StateTimeout<?> timeout -> "state_timeout";
            case Event.EventTimeout<?> timeout -> "timeout";
            case Event.GenericTimeout<?> timeout -> "timeout:" + timeout.name();
            case Event.Enter<?> enter -> "enter";
        };
    }
}
