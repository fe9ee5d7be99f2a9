package io.otpspring.core.supervision;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * What the {@link RecordingServer}s of one test did, shared between them and the test: the
 * lifecycle in order ({@code "init:a"}, {@code "terminate:a"}, {@code "blocked:a"}), the reason each
 * child last terminated with, every ordinary message received (with the incarnation that received
 * it), and faults the test injects on every n-th ordinary message.
 */
final class Events {

    /** What befalls a server on a message: it throws, or someone kills it from outside meanwhile. */
    enum Fault { CRASH, KILL }

    /** One ordinary message handled by one incarnation. */
    record Received(Pid incarnation, Object message) {
    }

    private final List<String> lifecycle = new CopyOnWriteArrayList<>();
    private final Map<String, ExitReason> terminateReasons = new ConcurrentHashMap<>();
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final Queue<Object> crashedOn = new ConcurrentLinkedQueue<>();
    private final AtomicInteger receivedCount = new AtomicInteger();
    private final AtomicInteger handled = new AtomicInteger();
    private final AtomicInteger faults = new AtomicInteger();
    private volatile Fault fault = Fault.CRASH;
    private volatile int faultEvery;
    private volatile int maxFaults;

    void add(String event) {
        lifecycle.add(event);
    }

    void terminated(String id, ExitReason reason) {
        terminateReasons.put(id, reason);
        lifecycle.add("terminate:" + id);
    }

    /** The lifecycle events so far, in order. */
    List<String> lifecycle() {
        return List.copyOf(lifecycle);
    }

    /** Forgets the lifecycle so far, so that a test can look at what happens next. */
    void clear() {
        lifecycle.clear();
    }

    ExitReason terminateReason(String id) {
        return terminateReasons.get(id);
    }

    void received(Pid incarnation, Object message) {
        received.add(new Received(incarnation, message));
        receivedCount.incrementAndGet();
    }

    int receivedCount() {
        return receivedCount.get();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Makes every {@code n}th ordinary message, {@code max} times at most, crash or kill the incarnation handling it. */
    void faultEvery(Fault fault, int n, int max) {
        this.fault = fault;
        maxFaults = max;
        faultEvery = n;
    }

    /** Called by a server for each ordinary message: the fault it must suffer on it, or {@code null}. */
    @Nullable Fault faultFor(Object message) {
        int count = handled.incrementAndGet();
        int every = faultEvery;
        if (every > 0 && count % every == 0 && faults.getAndIncrement() < maxFaults) {
            if (fault == Fault.CRASH) {
                crashedOn.add(message);
            }
            return fault;
        }
        return null;
    }

    /** The messages the servers crashed on, in crash order. */
    List<Object> crashedOn() {
        return List.copyOf(crashedOn);
    }
}
