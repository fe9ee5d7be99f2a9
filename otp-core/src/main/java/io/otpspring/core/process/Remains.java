package io.otpspring.core.process;

import java.util.ArrayDeque;

import io.otpspring.core.mailbox.Mailbox;
import io.otpspring.core.process.DeadLetter.Cause;
import org.jspecify.annotations.Nullable;

/**
 * What is left of a dead incarnation: its queued messages, and whatever is still sent to it.
 * While its supervisor decides ({@code PENDING}) they wait; then they go to the successor
 * incarnation ({@code FORWARD}) or become dead letters ({@code DEAD_LETTER}), in order.
 * A call among them learns why it will not be answered. Signals turned into messages ({@code Stop},
 * {@code Exit}, {@code Down}) concern only the dead incarnation and vanish, as signals to a dead
 * process do in Erlang.
 *
 * <p>Senders enqueue first and look at the state afterwards, so a message that lands after a
 * sweep is swept by its own sender; every operation here holds this object's lock, which keeps
 * the order of what is forwarded. The queue has a single consumer: the remains take it over only
 * once the dead incarnation's thread can no longer take from it.
 */
final class Remains {

    private enum Disposal { PENDING, FORWARD, DEAD_LETTER }

    private final ProcessCell cell;
    private final Mailbox mailbox;
    private Disposal disposal;
    private @Nullable ProcessCell successor;
    /** Messages the dead incarnation's thread took from the queue after the death: they come first. */
    private @Nullable ArrayDeque<Object> pushedBack;
    /** Set by {@link #failCalls()}: calls arriving while the decision is pending fail too. */
    private boolean failingCalls;

    Remains(ProcessCell cell, Mailbox mailbox, boolean awaitSupervisor) {
        this.cell = cell;
        this.mailbox = mailbox;
        this.disposal = awaitSupervisor ? Disposal.PENDING : Disposal.DEAD_LETTER;
    }

    synchronized boolean isPending() {
        return disposal == Disposal.PENDING;
    }

    /**
     * A message for the dead incarnation: sent after its death, or taken from the queue by its
     * leftover thread ({@code wasAtHead}) which had not seen the death yet.
     */
    void accept(Object message, boolean wasAtHead) {
        if (!wasAtHead) {
            // outside the lock: the leftover thread may need it to put its message back
            cell.awaitLeftoverTake();
        }
        acceptLocked(message, wasAtHead);
    }

    private synchronized void acceptLocked(Object message, boolean wasAtHead) {
        if (disposal == Disposal.PENDING && failingCalls && message instanceof Awaited call) {
            route(call, Cause.RECIPIENT_DEAD, null);
            return;
        }
        if (disposal == Disposal.PENDING) {
            if (wasAtHead) {
                if (pushedBack == null) {
                    pushedBack = new ArrayDeque<>(2);
                }
                pushedBack.addLast(message);
            }
            else {
                mailbox.force(message);
            }
            return;
        }
        routeAll(Cause.RECIPIENT_DEAD);
        route(message, Cause.RECIPIENT_DEAD, ExitReason.NOPROC);
    }

    /** Routes whatever is queued, once decided. */
    void sweep() {
        cell.awaitLeftoverTake();
        sweepLocked();
    }

    private synchronized void sweepLocked() {
        if (disposal != Disposal.PENDING) {
            routeAll(Cause.RECIPIENT_DEAD);
        }
    }

    /**
     * While the supervisor decides, fails the calls queued here at once with the incarnation's
     * exit, and those that arrive until it has decided; the other messages keep their places. For
     * a restart that must first stop processes which may be blocked calling this one.
     */
    void failCalls() {
        cell.awaitLeftoverTake();
        failCallsLocked();
    }

    private synchronized void failCallsLocked() {
        if (disposal != Disposal.PENDING) {
            return;
        }
        failingCalls = true;
        ArrayDeque<Object> kept = new ArrayDeque<>();
        Object message;
        while (pushedBack != null && (message = pushedBack.pollFirst()) != null) {
            failOrKeep(message, kept);
        }
        while ((message = mailbox.poll()) != null) {
            failOrKeep(message, kept);
        }
        pushedBack = kept.isEmpty() ? null : kept;
    }

    private void failOrKeep(Object message, ArrayDeque<Object> kept) {
        if (message instanceof Awaited call) {
            route(call, Cause.RECIPIENT_DEAD, null);
        }
        else {
            kept.addLast(message);
        }
    }

    /**
     * Hands the remains to {@code next}: queued messages go to it (or become dead letters with
     * {@link MailboxOnRestart#DROP}), and so does whatever is sent here later.
     *
     * @return false when no decision was pending
     */
    synchronized boolean succeedBy(ProcessCell next, MailboxOnRestart mode) {
        if (disposal != Disposal.PENDING) {
            return false;
        }
        if (mode == MailboxOnRestart.DROP) {
            disposal = Disposal.DEAD_LETTER;
            routeAll(Cause.DROPPED_ON_RESTART);
        }
        successor = next;
        disposal = Disposal.FORWARD;
        routeAll(Cause.RECIPIENT_DEAD);
        return true;
    }

    /**
     * No successor will come: queued messages become dead letters.
     *
     * @return false when no decision was pending
     */
    synchronized boolean release() {
        if (disposal != Disposal.PENDING) {
            return false;
        }
        disposal = Disposal.DEAD_LETTER;
        routeAll(Cause.RECIPIENT_DEAD);
        return true;
    }

    private void routeAll(Cause cause) {
        Object message;
        while (pushedBack != null && (message = pushedBack.pollFirst()) != null) {
            route(message, cause, null);
        }
        while ((message = mailbox.poll()) != null) {
            route(message, cause, null);
        }
    }

    /** Routes one message; a call fails with {@code reason}, or with the incarnation's exit when {@code null}. */
    private void route(Object message, Cause cause, @Nullable ExitReason reason) {
        if (message instanceof ProcessCell.Stop || message instanceof Exit || message instanceof Down) {
            return;
        }
        ProcessCell next = successor;
        if (disposal == Disposal.FORWARD && next != null) {
            next.enqueue(message, true);
            return;
        }
        if (message instanceof Awaited awaited) {
            awaited.fail(reason == null ? cell.exitNotice() : new ExitException(cell.pid(), reason));
        }
        cell.node().deadLetters().publish(new DeadLetter(cell.pid(), message, cause));
    }
}
