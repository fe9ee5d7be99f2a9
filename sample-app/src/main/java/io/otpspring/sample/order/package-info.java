/**
 * Orders: each order is its own state machine process ({@link io.otpspring.sample.order.OrderWorkflow},
 * a prototype {@code @GenStateMachine}) under the {@code orderWorkflow} dynamic supervisor, walking
 * pending → paid → shipped → delivered, cancellable until shipped, cancelled when unpaid for too long.
 */
@NullMarked
package io.otpspring.sample.order;

import org.jspecify.annotations.NullMarked;
