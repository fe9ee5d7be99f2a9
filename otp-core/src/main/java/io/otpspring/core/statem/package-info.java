/**
 * {@link io.otpspring.core.statem.GenStateMachine}: state machines as Erlang's {@code gen_statem}.
 * States are values, events are a sealed type, one {@code handleEvent} returns a
 * {@link io.otpspring.core.statem.Transition}; machines run on the {@code GenServer} machinery, so
 * they are called, cast to and supervised like any server, and every state change is reported to
 * a {@link io.otpspring.core.statem.TransitionListener}.
 */
@NullMarked
package io.otpspring.core.statem;

import org.jspecify.annotations.NullMarked;
