package io.otpspring.core.genserver;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.otpspring.core.process.DeadLetter;
import io.otpspring.core.process.DeadLetters;
import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of an asynchronous call: a future completed by the reply, by the server's exit, or
 * with a {@link CallTimeoutException} once the timeout passes. A reply after that is counted as late.
 */
final class FutureSlot implements ReplySlot {

    private final Pid server;
    private final CompletableFuture<@Nullable Object> outcome = new CompletableFuture<>();
    private volatile @Nullable DeadLetters deadLetters;

    FutureSlot(Pid server) {
        this.server = server;
    }

    @Override
    public void countLateRepliesIn(DeadLetters letters) {
        this.deadLetters = letters;
    }

    @Override
    public void reply(@Nullable Object value) {
        DeadLetters letters = deadLetters;
        if (!outcome.complete(value) && letters != null) {
            letters.publish(new DeadLetter(server, value == null ? "null" : value, DeadLetter.Cause.LATE_REPLY));
        }
    }

    @Override
    public void fail(RuntimeException error) {
        outcome.completeExceptionally(error);
    }

    @Override
    public boolean isSettled() {
        return outcome.isDone();
    }

    /** The reply as a future that fails with {@link CallTimeoutException} after {@code timeout}. */
    @SuppressWarnings("unchecked")
    <T> CompletableFuture<T> future(Duration timeout) {
        CompletableFuture<T> reply = new CompletableFuture<>();
        outcome.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete((value, error) -> {
            if (error == null) {
                reply.complete((T) value);
            }
            else if (error instanceof TimeoutException) {
                reply.completeExceptionally(new CallTimeoutException(server, timeout));
            }
            else {
                reply.completeExceptionally(error);
            }
        });
        return reply;
    }
}
