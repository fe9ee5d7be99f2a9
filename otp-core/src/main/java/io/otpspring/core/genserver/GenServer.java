package io.otpspring.core.genserver;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.process.ProcessRef;
import io.otpspring.core.process.SpawnOptions;
import org.jspecify.annotations.Nullable;

/**
 * A server process, as Erlang's {@code gen_server}: its state is this object's fields, touched
 * only by the process itself, one message at a time. Clients {@link #call} (wait for a reply),
 * {@link #cast} (fire and forget) or send plain messages (handled by {@link #handleInfo}).
 * A restart always builds a fresh instance.
 *
 * <pre>{@code
 * final class Counter implements GenServer {
 *     private int count;
 *     public Reply handleCall(Object request, From from) { return Reply.of(count); }
 *     public void handleCast(Object message) { count++; }
 * }
 * Pid counter = GenServer.start(node, new Counter());
 * GenServer.cast(counter, "increment");
 * int count = GenServer.call(counter, "get");
 * }</pre>
 */
public interface GenServer {

    /** The timeout of {@link #call(ProcessRef, Object)}: 5 seconds, as in OTP. */
    Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Initialises the server before it handles anything; a thrown exception (or
     * {@code self.stop(reason)}) fails the start with that reason.
     */
    default void init(ProcessContext self) throws Exception {
    }

    /** Handles a call; the default crashes the server, as an unmatched call does in OTP. */
    default Reply handleCall(Object request, From from) throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " does not handle the call " + request);
    }

    /** Handles a cast; the default crashes the server, as an unmatched cast does in OTP. */
    default void handleCast(Object message) throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " does not handle the cast " + message);
    }

    /** Handles any other message: plain sends, timers, {@code Down} and (when trapping) {@code Exit}. */
    default void handleInfo(Object message) throws Exception {
    }

    /**
     * Runs when the server stops: asked to by its supervisor or a {@code stop}, or after a crash
     * (as OTP does for a server that traps exits). Not run when it is killed.
     */
    default void terminate(ExitReason reason) throws Exception {
    }

    /** Starts {@code server} as an anonymous process; returns once its {@code init} succeeded. */
    static Pid start(Node node, GenServer server) {
        return start(node, server, SpawnOptions.defaults());
    }

    /** Starts {@code server} with the given options; returns once its {@code init} succeeded. */
    static Pid start(Node node, GenServer server, SpawnOptions options) {
        return node.spawn(new GenServerBehavior(Objects.requireNonNull(server, "server")), options);
    }

    /** Calls {@code server} and waits up to {@link #DEFAULT_CALL_TIMEOUT} for the reply. */
    static <T> T call(ProcessRef server, Object request) {
        return call(server, request, DEFAULT_CALL_TIMEOUT);
    }

    /**
     * Calls {@code server} and waits up to {@code timeout} for the reply. The reply is cast to
     * what the caller expects.
     *
     * @throws CallTimeoutException when no reply came in time
     * @throws ExitException when the server exited before replying, or was not alive
     * @throws IllegalStateException when a process calls itself, which could only time out
     */
    @SuppressWarnings("unchecked")
    static <T> T call(ProcessRef server, Object request, Duration timeout) {
        Objects.requireNonNull(request, "request");
        Pid pid = server.resolve();
        if (pid == null) {
            throw new ExitException(null, ExitReason.NOPROC);
        }
        if (pid.runsOnCurrentThread()) {
            throw new IllegalStateException("process " + pid + " called itself: it would wait for its own reply "
                    + "until the timeout (Erlang's calling_self); handle the request directly, or cast");
        }
        CallSlot slot = new CallSlot(pid);
        pid.send(new Call(request, slot));
        return (T) slot.await(timeout);
    }

    /**
     * Calls {@code server} without blocking: the future completes with the reply, or exceptionally
     * with a {@link CallTimeoutException} after {@code timeout} or an {@link ExitException} when the
     * server exits first (at once, with reason {@code noproc}, when it is not alive).
     */
    static <T> CompletableFuture<T> callAsync(ProcessRef server, Object request, Duration timeout) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(timeout, "timeout");
        Pid pid = server.resolve();
        if (pid == null) {
            return CompletableFuture.failedFuture(new ExitException(null, ExitReason.NOPROC));
        }
        FutureSlot slot = new FutureSlot(pid);
        pid.send(new Call(request, slot));
        return slot.future(timeout);
    }

    /** Casts {@code message} to {@code server}: no reply, no error if it is not alive. */
    static void cast(ProcessRef server, Object message) {
        server.send(new Cast(Objects.requireNonNull(message, "message")));
    }

    /** Replies to a call answered later. */
    static void reply(From from, @Nullable Object value) {
        from.reply(value);
    }
}
