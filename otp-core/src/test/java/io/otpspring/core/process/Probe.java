package io.otpspring.core.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

import io.otpspring.core.process.DeadLetter.Cause;
import org.awaitility.core.ConditionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The shared test helper: a {@link Behavior} that records every message it receives (and every
 * {@code terminate}), optionally reacts to them, and can run code as the process ({@link #ask}).
 * Nested helpers: {@link Gate} (a latch a handler blocks on, ignoring interrupts, as a leftover
 * thread would) and {@link DeadLetterLog} (records a node's dead letters).
 */
public final class Probe implements Behavior {

    /** How long any wait in the tests may take before the test fails. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    /** An Awaitility wait of at most {@link #WAIT} that checks at once, then every few milliseconds. */
    public static ConditionFactory eventually() {
        return await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
    }

    /** What a probe does on a message, after recording it. */
    @FunctionalInterface
    public interface Reaction {
        void react(ProcessContext self, Object message) throws Exception;
    }

    /** What a probe does in {@code init}. */
    @FunctionalInterface
    public interface InitAction {
        void init(ProcessContext self) throws Exception;
    }

    /** Runs an action as the process, inside its handler; not recorded as a message. */
    private record Do(Function<ProcessContext, Object> action, CompletableFuture<Object> done) {
    }

    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final List<Object> received = new CopyOnWriteArrayList<>();
    private final List<ExitReason> terminations = new CopyOnWriteArrayList<>();
    private final Reaction reaction;
    private final InitAction initAction;
    private volatile ProcessContext self;

    private Probe(Reaction reaction, InitAction initAction) {
        this.reaction = reaction;
        this.initAction = initAction;
    }

    /** A probe that only records. */
    public static Probe recording() {
        return new Probe((self, message) -> { }, self -> { });
    }

    /** A probe that records, then runs {@code reaction} on each message. */
    public static Probe reacting(Reaction reaction) {
        return new Probe(reaction, self -> { });
    }

    /** A probe that crashes (IllegalStateException "boom") on "crash" and stops with any ExitReason it receives. */
    public static Probe crashable() {
        return reacting((self, message) -> {
            if ("crash".equals(message)) {
                throw new IllegalStateException("boom");
            }
            if (message instanceof ExitReason reason) {
                self.stop(reason);
            }
        });
    }

    /** The same probe (not yet spawned), also running {@code action} in {@code init}. */
    public Probe onInit(InitAction action) {
        return new Probe(reaction, action);
    }

    /** Spawns this probe as an anonymous process. */
    public Pid spawn(Node node) {
        return node.spawn(this);
    }

    /** Spawns this probe with {@code options}. */
    public Pid spawn(Node node, SpawnOptions options) {
        return node.spawn(this, options);
    }

    @Override
    public void init(ProcessContext self) throws Exception {
        this.self = self;
        initAction.init(self);
    }

    @Override
    public void handle(Object message) throws Exception {
        if (message instanceof Do run) {
            try {
                run.done().complete(run.action().apply(self));
            }
            catch (RuntimeException | Error ex) {
                run.done().completeExceptionally(ex);
            }
            return;
        }
        received.add(message);
        inbox.add(message);
        reaction.react(self, message);
    }

    @Override
    public void terminate(ExitReason reason) {
        terminations.add(reason);
    }

    /** The process's context (valid once spawned). */
    public ProcessContext self() {
        return self;
    }

    /** The process's pid (once spawned). */
    public Pid pid() {
        return self.self();
    }

    /** Runs {@code action} as the process (inside its handler) and returns its result. */
    @SuppressWarnings("unchecked")
    public <T> T ask(Function<ProcessContext, T> action) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        pid().send(new Do((Function<ProcessContext, Object>) action, done));
        try {
            return (T) done.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(ex.getCause());
        }
        catch (InterruptedException | TimeoutException ex) {
            throw new AssertionError("the probe " + pid() + " did not run the action in time", ex);
        }
    }

    /** Runs {@code action} as the process. */
    public void act(java.util.function.Consumer<ProcessContext> action) {
        ask(self -> {
            action.accept(self);
            return null;
        });
    }

    /** The next message not yet taken by {@code next}, waiting for it if needed. */
    public Object next() {
        try {
            Object message = inbox.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                fail("no message arrived within " + WAIT + "; received so far: " + received);
            }
            return message;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** The next message, which must be of {@code type}. */
    public <T> T next(Class<T> type) {
        Object message = next();
        assertThat(message).as("next message of %s", self == null ? "probe" : pid()).isInstanceOf(type);
        return type.cast(message);
    }

    /** Waits until a message of {@code type} has been received and returns the first such. */
    public <T> T awaitMessage(Class<T> type) {
        return awaitMessage(type, message -> true);
    }

    /** Waits until a message of {@code type} matching {@code condition} has been received; returns the first. */
    public <T> T awaitMessage(Class<T> type, Predicate<? super T> condition) {
        List<T> found = new ArrayList<>();
        eventually().untilAsserted(() -> {
            found.clear();
            received.stream().filter(type::isInstance).map(type::cast).filter(condition).findFirst()
                    .ifPresent(found::add);
            assertThat(found).as("a matching %s among %s", type.getSimpleName(), received).isNotEmpty();
        });
        return found.get(0);
    }

    /** Waits until {@code message} (by equality) has been received. */
    public void awaitReceived(Object message) {
        eventually().untilAsserted(() -> assertThat(received).contains(message));
    }

    /** Waits until exactly {@code count} messages have been received. */
    public void awaitCount(int count) {
        eventually().untilAsserted(() -> assertThat(received).hasSize(count));
    }

    /** Everything received so far, in order. */
    public List<Object> received() {
        return List.copyOf(received);
    }

    /** The reasons {@code terminate} ran with. */
    public List<ExitReason> terminations() {
        return List.copyOf(terminations);
    }

    /**
     * A latch a handler blocks on. Waiting ignores interrupts (it keeps waiting), as a handler
     * stuck in code that swallows interrupts would, so a killed process's thread stays blocked
     * until the test opens the gate.
     */
    public static final class Gate {

        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch open = new CountDownLatch(1);
        private volatile boolean interrupted;

        /** Called by the handler: signals it is blocked, then waits until the gate opens. */
        public void pass() {
            entered.countDown();
            boolean done = false;
            while (!done) {
                try {
                    done = open.await(1, TimeUnit.MINUTES);
                }
                catch (InterruptedException ex) {
                    interrupted = true;
                }
            }
        }

        /** Waits until a handler is blocked at the gate. */
        public void awaitEntered() {
            try {
                assertThat(entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                        .as("a handler reached the gate").isTrue();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }

        /** Lets every blocked handler go on. */
        public void open() {
            open.countDown();
        }

        /** Whether a handler waiting here was interrupted. */
        public boolean wasInterrupted() {
            return interrupted;
        }
    }

    /** Records a node's dead letters from the moment it is created. */
    public static DeadLetterLog deadLetters(Node node) {
        return new DeadLetterLog(node);
    }

    /** A node's dead letters, recorded. */
    public static final class DeadLetterLog implements AutoCloseable {

        private final List<DeadLetter> letters = new CopyOnWriteArrayList<>();
        private final AutoCloseable subscription;

        private DeadLetterLog(Node node) {
            this.subscription = node.deadLetters().subscribe(letters::add);
        }

        /** Every dead letter so far. */
        public List<DeadLetter> all() {
            return List.copyOf(letters);
        }

        /** The dead letters with {@code cause} so far. */
        public List<DeadLetter> withCause(Cause cause) {
            return letters.stream().filter(letter -> letter.cause() == cause).toList();
        }

        /** Waits for a dead letter with {@code cause} carrying {@code message}; returns it. */
        public DeadLetter awaitLetter(Cause cause, Object message) {
            return awaitLetter(cause + " " + message,
                    letter -> letter.cause() == cause && letter.message().equals(message));
        }

        /** Waits for a dead letter matching {@code condition} (described as {@code what}); returns the first. */
        public DeadLetter awaitLetter(String what, Predicate<DeadLetter> condition) {
            List<DeadLetter> found = new ArrayList<>();
            eventually().untilAsserted(() -> {
                found.clear();
                letters.stream().filter(condition).findFirst().ifPresent(found::add);
                assertThat(found).as("a dead letter %s among %s", what, letters).isNotEmpty();
            });
            return found.get(0);
        }

        /** The messages of the dead letters so far (any cause). */
        public List<Object> messages() {
            return letters.stream().map(DeadLetter::message).toList();
        }

        @Override
        public void close() {
            try {
                subscription.close();
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }
    }
}
