package io.otpspring.core.genserver;

import io.otpspring.core.process.Awaited;
import io.otpspring.core.process.DeadLetters;

/** Where a call's outcome goes: a caller blocked on it, or a future. The first outcome wins. */
sealed interface ReplySlot extends From, Awaited permits CallSlot, FutureSlot, RoutedSlot {

    @Override
    default boolean isWaiting() {
        return !isSettled();
    }

    /** Where a late reply is counted: set by the server before it handles the call. */
    void countLateRepliesIn(DeadLetters letters);
}
