package io.otpspring.sample.order;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an {@link OrderWorkflow} replies to a command it carried out: the order as it now stands.
 *
 * @param id the order id
 * @param state its state after the command
 * @param lines what was ordered
 * @param total the sum of the lines
 */
public record OrderSnapshot(String id, OrderState state, List<OrderLine> lines, BigDecimal total) {
}
