package io.otpspring.core.statem;

import java.util.concurrent.atomic.AtomicBoolean;

import io.otpspring.core.genserver.From;
import org.jspecify.annotations.Nullable;

/**
 * The {@link From} a machine sees in {@link Event.Call}: it lets a call be answered once, and says
 * so clearly when a machine answers it twice (a bug: the second answer would reach nobody).
 */
final class Caller implements From {

    private final From from;
    private final Object request;
    private final AtomicBoolean answered = new AtomicBoolean();

    Caller(From from, Object request) {
        this.from = from;
        this.request = request;
    }

    @Override
    public void reply(@Nullable Object value) {
        if (!answered.compareAndSet(false, true)) {
            throw new IllegalStateException("the call " + request + " was already answered; reply once per call"
                    + " (with Action.reply, GenServer.reply or the replies of Transition.stop)");
        }
        from.reply(value);
    }

    @Override
    public boolean isWaiting() {
        return !answered.get() && from.isWaiting();
    }

    @Override
    public String toString() {
        return "caller of " + request;
    }
}
