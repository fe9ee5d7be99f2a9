package io.otpspring.spring.process;

import io.otpspring.core.mailbox.MailboxFullException;
import org.jspecify.annotations.Nullable;

/**
 * What stands between a process bean's proxy and its process: a circuit breaker, a bulkhead. The
 * proxy asks {@link #admit()} before each message and reports how the call ended.
 */
public interface CallGuard {

    /** Admits everything. */
    CallGuard NONE = new CallGuard() {
        @Override
        public Permit admit() {
            return failure -> { };
        }
    };

    /**
     * Admits one call or cast, or throws the guard's refusal (Resilience4j's
     * {@code CallNotPermittedException}, {@code BulkheadFullException}).
     */
    Permit admit();

    /** What a full mailbox's refusal becomes for the caller: the same, unless the guard speaks for the mailbox. */
    default RuntimeException rejected(MailboxFullException full) {
        return full;
    }

    /** An admitted call or cast, to be completed once. */
    @FunctionalInterface
    interface Permit {

        /**
         * The call ended: {@code failure} is {@code null} when the process answered (a declared
         * exception included), else why it did not (its exit, a timeout, a full mailbox).
         */
        void completed(@Nullable Throwable failure);

        /** A cast or plain message was queued: there is no outcome to record. */
        default void sent() {
            completed(null);
        }
    }
}
