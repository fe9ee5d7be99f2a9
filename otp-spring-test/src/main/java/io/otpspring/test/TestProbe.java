package io.otpspring.test;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

import io.otpspring.core.process.Behavior;
import io.otpspring.core.process.Down;
import io.otpspring.core.process.Exit;
import io.otpspring.core.process.MonitorRef;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.process.ProcessRef;
import io.otpspring.core.process.SpawnOptions;
import org.jspecify.annotations.Nullable;

/**
 * A process that records everything it receives, for tests to expect: a stand-in for a caller,
 * a monitor, a link partner or a registry entry. It traps exits, so linked processes' exits arrive
 * as {@link Exit} messages instead of killing it. Things it does as itself (monitor, link, call)
 * run on its own process.
 *
 * <pre>{@code
 * TestProbe probe = TestProbe.spawn(node);
 * probe.monitor(worker);
 * node.exit(worker, ExitReason.KILL);
 * probe.expectDown(worker);
 * }</pre>
 */
public final class TestProbe {

    /** How long the {@code expect} methods wait unless told otherwise. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final Pid pid;
    private final Duration wait;

    private TestProbe(Node node, Duration wait) {
        this.wait = wait;
        this.pid = node.spawn(new Recording(), SpawnOptions.defaults().withTrapExits(true).withLabel("test-probe"));
    }

    /** A new probe on {@code node}. */
    public static TestProbe spawn(Node node) {
        return new TestProbe(Objects.requireNonNull(node, "node"), DEFAULT_WAIT);
    }

    /** A new probe on {@code node} whose {@code expect} methods wait up to {@code wait}. */
    public static TestProbe spawn(Node node, Duration wait) {
        return new TestProbe(Objects.requireNonNull(node, "node"), wait);
    }

    /** The probe's process. */
    public Pid pid() {
        return pid;
    }

    /** Receives the next message, which must equal {@code expected}. */
    public Object expectMessage(Object expected) {
        Object message = next("a message equal to " + expected);
        if (!expected.equals(message)) {
            throw new AssertionError("expected " + pid + " to receive " + expected + " but it received " + message);
        }
        return message;
    }

    /** Receives the next message, which must be a {@code type}. */
    public <T> T expectMessage(Class<T> type) {
        Object message = next("a " + type.getSimpleName());
        if (!type.isInstance(message)) {
            throw new AssertionError("expected " + pid + " to receive a " + type.getName() + " but it received "
                    + message);
        }
        return type.cast(message);
    }

    /** Fails if a message arrives within {@code within}: this waits that long, in real time. */
    public void expectNoMessage(Duration within) {
        Object message = poll(within);
        if (message != null) {
            throw new AssertionError("expected " + pid + " to receive nothing within " + within + " but it received "
                    + message);
        }
    }

    /** Receives the next message, which must be the {@link Down} of the monitor {@code ref} ({@link #monitor} returned it). */
    public Down expectDown(MonitorRef ref) {
        Down down = expectMessage(Down.class);
        if (!ref.equals(down.ref())) {
            throw new AssertionError("expected the Down of monitor " + ref + " but got " + down);
        }
        return down;
    }

    /** Receives the next message, which must be the {@link Exit} of {@code from} (linked with {@link #link}). */
    public Exit expectExit(Pid from) {
        Exit exit = expectMessage(Exit.class);
        if (!from.equals(exit.from())) {
            throw new AssertionError("expected the exit of " + from + " but got " + exit);
        }
        return exit;
    }

    /** Monitors {@code target} from the probe: its {@link Down} will arrive here. */
    public MonitorRef monitor(ProcessRef target) {
        return asProbe(self -> self.monitor(target));
    }

    /** Links the probe to {@code target}: its exit arrives here as an {@link Exit} message. */
    public void link(ProcessRef target) {
        asProbe(self -> {
            self.link(target);
            return null;
        });
    }

    /** Sends {@code message} to {@code target} from the probe. */
    public void send(ProcessRef target, Object message) {
        asProbe(self -> {
            target.send(message);
            return null;
        });
    }

    /**
     * Runs {@code action} as the probe's process (a call made there has the probe as its caller)
     * and returns its result.
     */
    public <T> T asProbe(Function<ProcessContext, T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        pid.send(new Run(self -> {
            try {
                result.complete(action.apply(self));
            }
            catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        }));
        try {
            return result.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
        catch (TimeoutException | InterruptedException notDone) {
            throw new AssertionError("the probe " + pid + " did not run the action within " + wait, notDone);
        }
    }

    private Object next(String what) {
        Object message = poll(wait);
        if (message == null) {
            throw new AssertionError("expected " + pid + " to receive " + what + " within " + wait
                    + " but it received nothing");
        }
        return message;
    }

    private @Nullable Object poll(Duration within) {
        try {
            return received.poll(within.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a message to " + pid, ex);
        }
    }

    @Override
    public String toString() {
        return "test probe " + pid;
    }

    /** An action to run as the probe. */
    private record Run(Consumer<ProcessContext> action) {
    }

    /** Records what arrives; runs what the test asks it to do as itself. */
    private final class Recording implements Behavior {

        private @Nullable ProcessContext self;

        @Override
        public void init(ProcessContext self) {
            this.self = self;
        }

        @Override
        public void handle(Object message) {
            if (message instanceof Run run && self != null) {
                run.action().accept(self);
            }
            else {
                received.add(message);
            }
        }
    }
}
