package io.otpspring.sample.order;

import org.jspecify.annotations.Nullable;

/**
 * Where an order stands: the state of its {@link OrderWorkflow}. States are values; what every
 * state shares (the lines, the total) lives in the machine's fields.
 */
public sealed interface OrderState {

    /** Waiting for payment; cancelled by the payment timeout. */
    record Pending() implements OrderState {
    }

    /** Paid, not yet shipped. */
    record Paid(String payment) implements OrderState {
    }

    /** On its way. */
    record Shipped(String tracking) implements OrderState {
    }

    /** Delivered: final. */
    record Delivered() implements OrderState {
    }

    /** Cancelled, by the customer or the payment timeout: final. */
    record Cancelled(String reason) implements OrderState {
    }

    /** The state's name, as the API shows it. */
    default String status() {
        return switch (this) {
            case Pending pending -> "pending";
            case Paid paid -> "paid";
            case Shipped shipped -> "shipped";
            case Delivered delivered -> "delivered";
            case Cancelled cancelled -> "cancelled";
        };
    }

    /** What the state carries: the payment, the tracking number, the reason for cancelling. */
    default @Nullable String detail() {
        return switch (this) {
            case Paid(String payment) -> payment;
            case Shipped(String tracking) -> tracking;
            case Cancelled(String reason) -> reason;
            case Pending pending -> null;
            case Delivered delivered -> null;
        };
    }

    /** Whether the order may still be cancelled: until it ships. */
    default boolean cancellable() {
        return this instanceof Pending || this instanceof Paid;
    }
}
