package io.otpspring.core.genserver;

import java.util.concurrent.atomic.AtomicBoolean;

import io.otpspring.core.process.DeadLetter;
import io.otpspring.core.process.DeadLetters;
import org.jspecify.annotations.Nullable;

/** The reply slot of a call from another node: its first outcome goes to a {@link ReplyRoute}. */
final class RoutedSlot implements ReplySlot {

    private final ReplyRoute route;
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile @Nullable DeadLetters deadLetters;

    RoutedSlot(ReplyRoute route) {
        this.route = route;
    }

    @Override
    public void countLateRepliesIn(DeadLetters letters) {
        this.deadLetters = letters;
    }

    @Override
    public void reply(@Nullable Object value) {
        if (settled.compareAndSet(false, true)) {
            route.reply(value);
            return;
        }
        DeadLetters letters = deadLetters;
        if (letters != null) {
            letters.publish(new DeadLetter(null, value == null ? "null" : value, DeadLetter.Cause.LATE_REPLY));
        }
    }

    @Override
    public void fail(RuntimeException error) {
        if (settled.compareAndSet(false, true)) {
            route.fail(error);
        }
    }

    @Override
    public boolean isSettled() {
        return settled.get();
    }
}
