package io.otpspring.test;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessRef;
import io.otpspring.core.telemetry.HandledMessage;
import io.otpspring.core.telemetry.Telemetry;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

/**
 * Fault injection on one node: crash or kill a process from outside, make one crash on the next
 * message it handles, and wait for its supervisor to restart it.
 *
 * <pre>{@code
 * Faults faults = Faults.on(node);
 * Pid before = node.whereis("pricing");
 * faults.crash(before);
 * Pid after = faults.awaitRestart(node.named("pricing"), before);
 * }</pre>
 */
public final class Faults {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Node node;
    private final Injector injector;

    private Faults(Node node, Injector injector) {
        this.node = node;
        this.injector = injector;
    }

    /**
     * The faults of {@code node}. The first call installs a telemetry that can crash a process on its
     * next message, around the node's telemetry (which it keeps reporting to).
     */
    public static synchronized Faults on(Node node) {
        Objects.requireNonNull(node, "node");
        Injector injector = node.telemetry() instanceof Injector installed ? installed : new Injector(node.telemetry());
        node.useTelemetry(injector);
        return new Faults(node, injector);
    }

    /**
     * Crashes {@code target} with an {@link InjectedCrash} as its exit reason, from outside: an exit
     * signal, so it dies at once without running {@code terminate} (to have a handler throw, use
     * {@link #crashOnNextMessage}), and a process trapping exits (a supervisor) gets it as a message
     * instead; kill those.
     */
    public void crash(ProcessRef target) {
        node.exit(target, ExitReason.crash(new InjectedCrash("crash injected into " + target)));
    }

    /** Kills {@code target}: it dies at once, whatever it does, and its links see {@code killed}. */
    public void kill(ProcessRef target) {
        node.exit(target, ExitReason.KILL);
    }

    /**
     * Makes {@code target} crash with an {@link InjectedCrash} when it handles its next message,
     * instead of handling it.
     *
     * @throws IllegalStateException when the node's telemetry was replaced since {@link #on}: call it again
     */
    public void crashOnNextMessage(Pid target) {
        if (node.telemetry() != injector) {
            throw new IllegalStateException("the telemetry of " + node + " was replaced after Faults.on(node), "
                    + "so no fault can be injected through it; call Faults.on(node) again");
        }
        injector.armed.add(target);
    }

    /**
     * Waits until {@code name} (a registered name, or a via name such as a registry key) is held by
     * an incarnation other than {@code previous}, and returns it.
     */
    public Pid awaitRestart(ProcessRef name, Pid previous) {
        Pid[] restarted = new Pid[1];
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(5))
                .alias(name + " restarted after " + previous).until(() -> {
                    Pid now = name.resolve();
                    restarted[0] = now;
                    return now != null && !now.equals(previous) && now.isAlive();
                });
        return restarted[0];
    }

    /** What an injected crash throws. */
    public static final class InjectedCrash extends RuntimeException {

        public InjectedCrash(String message) {
            super(message, null, false, false);
        }
    }

    /** Crashes armed processes on their next message; reports everything to the node's own telemetry. */
    private static final class Injector implements Telemetry {

        private final Telemetry delegate;
        private final Set<Pid> armed = ConcurrentHashMap.newKeySet();

        Injector(Telemetry delegate) {
            this.delegate = delegate;
        }

        @Override
        public @Nullable Object capture() {
            return delegate.capture();
        }

        @Override
        public void handle(HandledMessage message, MessageHandler handler) throws Exception {
            if (armed.remove(message.pid())) {
                delegate.handle(message, () -> {
                    throw new InjectedCrash("crash injected into " + message.pid() + " on " + message.payload());
                });
                return;
            }
            delegate.handle(message, handler);
        }

        @Override
        public void processCrashed(Pid pid, String label, Throwable cause) {
            delegate.processCrashed(pid, label, cause);
        }

        @Override
        public void childRestarted(Pid supervisor, String supervisorLabel, String childLabel) {
            delegate.childRestarted(supervisor, supervisorLabel, childLabel);
        }
    }
}
