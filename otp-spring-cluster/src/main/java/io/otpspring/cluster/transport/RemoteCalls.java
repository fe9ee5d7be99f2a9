package io.otpspring.cluster.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.otpspring.core.genserver.Envelopes;
import io.otpspring.core.process.Awaited;
import io.otpspring.core.process.DeadLetter;
import io.otpspring.core.process.DeadLetters;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * The calls this node's callers made to processes on other nodes, until answered: a reply
 * settles one (a reply after its caller gave up is counted as a late reply), its node going down
 * fails it with {@code noconnection}. Calls their callers gave up
 * on (timeouts) are dropped every thousand calls.
 */
final class RemoteCalls {

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final DeadLetters deadLetters;

    RemoteCalls(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Remembers {@code call} to {@code server}; returns its id. */
    long add(Awaited call, Pid server) {
        long id = ids.incrementAndGet();
        if ((id & 1023) == 0) {
            sweep();
        }
        pending.put(id, new Pending(call, server));
        return id;
    }

    void forget(long id) {
        pending.remove(id);
    }

    /** The answer to call {@code id}; one its caller stopped waiting for is counted as a late reply. */
    void replied(long id, @Nullable Object value) {
        Pending call = pending.remove(id);
        if (call == null || call.call().isSettled()) {
            deadLetters.publish(new DeadLetter(call == null ? null : call.server(), value == null ? "null" : value,
                    DeadLetter.Cause.LATE_REPLY));
            return;
        }
        Envelopes.reply(call.call(), value);
    }

    /** The answer to call {@code id} arrived but could not be read here: its caller gets an exit. */
    void unreadable(long id, RuntimeException why) {
        Pending call = pending.remove(id);
        if (call != null) {
            call.call().fail(new ExitException(call.server(), ExitReason.crash(why)));
        }
    }

    void failed(long id, Pid server, ExitReason reason) {
        Pending call = pending.remove(id);
        if (call != null) {
            call.call().fail(new ExitException(server, reason));
        }
    }

    /** Fails every call waiting on {@code node} with {@code noconnection}. */
    void nodeDown(String node) {
        pending.forEach((id, call) -> {
            if (call.server().node().equals(node) && pending.remove(id, call)) {
                call.call().fail(new ExitException(call.server(), ExitReason.NOCONNECTION));
            }
        });
    }

    /** Drops the calls whose callers stopped waiting (they timed out). */
    void sweep() {
        pending.values().removeIf(call -> call.call().isSettled());
    }

    int size() {
        return pending.size();
    }

    private record Pending(Awaited call, Pid server) {
    }
}
