package io.otpspring.sample.order;

/**
 * What an {@link OrderWorkflow} replies to a command its state does not allow (shipping an unpaid
 * order, cancelling a shipped one). The machine keeps its state and lives on.
 *
 * @param order the order as it stands
 * @param command what was refused
 */
public record Refused(OrderSnapshot order, OrderCommand command) {
}
