package io.otpspring.sample.order;

import java.util.Locale;

/** The calls an {@link OrderWorkflow} answers. */
public sealed interface OrderCommand {

    /** Pays a pending order. */
    record Pay(String payment) implements OrderCommand {
    }

    /** Ships a paid order. */
    record Ship(String tracking) implements OrderCommand {
    }

    /** Marks a shipped order delivered. */
    record Deliver() implements OrderCommand {
    }

    /** Cancels an order that has not shipped. */
    record Cancel(String reason) implements OrderCommand {
    }

    /** Reads the order; changes nothing. */
    record Look() implements OrderCommand {
    }

    /** The command as a verb: {@code pay}, {@code ship}, … */
    default String verb() {
        return getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}
