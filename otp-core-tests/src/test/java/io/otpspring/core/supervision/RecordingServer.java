package io.otpspring.core.supervision;

import java.util.concurrent.CountDownLatch;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;

/**
 * The test child of every supervision test: logs {@code init:<id>} and {@code terminate:<id>} to
 * the shared {@link Events}, obeys the command casts below, and records any other cast it receives
 * (suffering the faults {@link Events#faultEvery} injects).
 */
final class RecordingServer implements GenServer {

    /** Cast: the handler throws, crashing the server. */
    record Crash() {
    }

    /** Cast: the server stops itself with {@code reason} (running {@code terminate}). */
    record StopWith(ExitReason reason) {
    }

    /** Cast: the handler logs {@code blocked:<id>} and blocks until {@code release} opens. */
    record Block(CountDownLatch release) {
    }

    /** How an incarnation misbehaves. */
    enum Quirk {
        NONE,
        /** {@code init} throws. */
        FAILING_INIT,
        /** {@code terminate} logs, then blocks for ever: the server ignores a graceful shutdown. */
        HANGING_TERMINATE
    }

    private final String id;
    private final Events events;
    private final Quirk quirk;
    private ProcessContext self;

    RecordingServer(String id, Events events, Quirk quirk) {
        this.id = id;
        this.events = events;
        this.quirk = quirk;
    }

    /** A permanent worker child {@code id}, a fresh well-behaved server per incarnation. */
    static ChildSpec child(String id, Events events) {
        return child(id, events, Quirk.NONE);
    }

    static ChildSpec child(String id, Events events, Quirk quirk) {
        return ChildSpec.worker(id, () -> new RecordingServer(id, events, quirk));
    }

    @Override
    public void init(ProcessContext self) {
        this.self = self;
        events.add("init:" + id);
        if (quirk == Quirk.FAILING_INIT) {
            throw new IllegalStateException("init of " + id + " fails on purpose");
        }
    }

    /** Any call is answered with the incarnation's pid. */
    @Override
    public Reply handleCall(Object request, From from) {
        return Reply.of(self.self());
    }

    @Override
    public void handleCast(Object message) throws InterruptedException {
        switch (message) {
            case Crash ignored -> throw new IllegalStateException(id + " crashes on purpose");
            case StopWith stop -> self.stop(stop.reason());
            case Block block -> {
                events.add("blocked:" + id);
                block.release().await();
            }
            default -> {
                Events.Fault fault = events.faultFor(message);
                if (fault == Events.Fault.CRASH) {
                    throw new IllegalStateException(id + " crashes on " + message);
                }
                if (fault == Events.Fault.KILL) {
                    Pid me = self.self();
                    Node node = self.node();
                    Thread.startVirtualThread(() -> node.exit(me, ExitReason.KILL));
                }
                events.received(self.self(), message);
            }
        }
    }

    @Override
    public void terminate(ExitReason reason) throws InterruptedException {
        events.terminated(id, reason);
        if (quirk == Quirk.HANGING_TERMINATE) {
            new CountDownLatch(1).await();
        }
    }
}
