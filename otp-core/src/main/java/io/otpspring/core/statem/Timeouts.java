package io.otpspring.core.statem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.process.TimerRef;
import org.jspecify.annotations.Nullable;

/** The running timers of one machine incarnation, on its node's timers; touched only by its process. */
final class Timeouts {

    private final ProcessContext self;
    private final Map<Timeout, Armed> armed = new HashMap<>(4);

    Timeouts(ProcessContext self) {
        this.self = self;
    }

    /**
     * Starts and cancels timers as {@code changes} say, in order. An event timeout is not started
     * when {@code eventPending}: an event that is already due cancels it.
     */
    void apply(List<Action> changes, boolean eventPending) {
        for (Action change : changes) {
            if (change instanceof Action.StartTimeout start) {
                if (!(eventPending && start.timeout() instanceof Timeout.OfEvent)) {
                    start(start);
                }
            }
            else if (change instanceof Action.CancelTimeout cancel) {
                cancel(cancel.timeout());
            }
        }
    }

    private void start(Action.StartTimeout start) {
        cancel(start.timeout());
        TimeoutMessage message = new TimeoutMessage(start.timeout(), start.content());
        TimerRef timer = self.node().timers().sendAfter(self.self(), message, start.after());
        armed.put(start.timeout(), new Armed(message, timer));
    }

    void cancel(Timeout timeout) {
        Armed running = armed.remove(timeout);
        if (running != null) {
            running.timer().cancel();
        }
    }

    void cancelAll() {
        armed.values().forEach(running -> running.timer().cancel());
        armed.clear();
    }

    /** The event {@code message} fires, or {@code null} when its timer was cancelled or restarted since. */
    <S> @Nullable Event<S> fire(TimeoutMessage message) {
        Armed running = armed.get(message.timeout());
        if (running == null || running.message() != message) {
            return null;
        }
        armed.remove(message.timeout());
        Object content = message.content();
        return switch (message.timeout()) {
            case Timeout.OfState state -> new Event.StateTimeout<>(content);
            case Timeout.OfEvent event -> new Event.EventTimeout<>(content);
            case Timeout.Generic generic -> new Event.GenericTimeout<>(generic.name(), content);
        };
    }

    private record Armed(TimeoutMessage message, TimerRef timer) {
    }
}
