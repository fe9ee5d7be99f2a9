package io.otpspring.core.statem;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The actions of one transition and of the enter call it triggers: checked against where they come
 * from as they are collected, carried out once the transition is complete.
 */
final class Effects<S> {

    /** Where actions come from, which decides what they may do. */
    enum Origin {
        /** {@link GenStateMachine#init}: no event yet to postpone. */
        INIT,
        /** An event handler: anything goes. */
        EVENT,
        /** An enter call: not an event, so nothing to postpone, and no events to insert. */
        ENTER
    }

    private final List<Action.Reply> replies = new ArrayList<>(0);
    private final List<Event<S>> inserted = new ArrayList<>(0);
    private final List<Action> timers = new ArrayList<>(0);
    private boolean postpone;

    /** Adds {@code actions}, returned in {@code state} by {@code origin}. */
    void collect(List<Action> actions, Origin origin, S state) {
        for (Action action : actions) {
            switch (action) {
                case Action.Reply reply -> replies.add(reply);
                case Action.Postpone postponed -> {
                    if (origin == Origin.INIT) {
                        throw new IllegalStateException("init cannot postpone: there is no event yet (initial state "
                                + state + ")");
                    }
                    if (origin == Origin.ENTER) {
                        throw new IllegalStateException("the enter call of state " + state + " cannot postpone:"
                                + " entering a state is not an event; postpone from the handler of the event");
                    }
                    postpone = true;
                }
                case Action.NextEvent next -> {
                    if (origin == Origin.ENTER) {
                        throw new IllegalStateException("the enter call of state " + state + " cannot insert"
                                + " events; insert them with the transition that enters the state");
                    }
                    inserted.add(new Event.Internal<>(next.content()));
                }
                case Action.StartTimeout start -> timers.add(start);
                case Action.CancelTimeout cancel -> timers.add(cancel);
            }
        }
    }

    /** Whether the current event is postponed. */
    boolean postpones() {
        return postpone;
    }

    /**
     * Completes the transition: the inserted events go to the head of {@code queue} in order, the
     * timers start and stop, then the replies go out.
     */
    void complete(Deque<Event<S>> queue, Timeouts timeouts) {
        for (int i = inserted.size() - 1; i >= 0; i--) {
            queue.addFirst(inserted.get(i));
        }
        timeouts.apply(timers, !queue.isEmpty());
        for (Action.Reply reply : replies) {
            reply.from().reply(reply.value());
        }
    }
}
