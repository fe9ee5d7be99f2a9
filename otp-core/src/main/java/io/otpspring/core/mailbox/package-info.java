/**
 * Mailboxes: the multi-producer, single-consumer queues that hold a process's pending messages,
 * unbounded by default or bounded with an {@link io.otpspring.core.mailbox.OverflowPolicy}.
 */
@NullMarked
package io.otpspring.core.mailbox;

import org.jspecify.annotations.NullMarked;
