package io.otpspring.core.process;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.otpspring.core.telemetry.Telemetry;
import org.jspecify.annotations.Nullable;

/**
 * One otp-spring runtime: its processes, their names, timers and dead letters. Several nodes may
 * live in one JVM (one per test, say); pids carry their node's name.
 *
 * <pre>{@code
 * try (Node node = Node.start("demo")) {
 *     Pid echo = node.spawn(message -> System.out.println(message));
 *     echo.send("hello");
 * }
 * }</pre>
 */
public final class Node implements AutoCloseable {

    /** Creations start at a random point, so a node restarted under the same name gets another. */
    private static final AtomicInteger CREATIONS = new AtomicInteger(new SecureRandom().nextInt());

    private final String name;
    private final int creation;
    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentHashMap<Long, ProcessCell> processes = new ConcurrentHashMap<>();
    private final NameTable names = new NameTable();
    private final DeadLetters deadLetters = new DeadLetters();
    private final ScheduledExecutorService scheduler;
    private final Timers timers;
    private final Instant startedAt = Instant.now();
    private volatile Telemetry telemetry = Telemetry.NONE;
    private volatile Distribution distribution = Distribution.NONE;

    private Node(String name, ScheduledExecutorService scheduler) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("a node name must not be blank");
        }
        this.name = name;
        this.creation = CREATIONS.incrementAndGet();
        this.scheduler = scheduler;
        this.timers = new Timers(scheduler);
    }

    /** Starts a node named {@code name}, with its own timer thread. */
    public static Node start(String name) {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "otp-timers-" + name);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return new Node(Objects.requireNonNull(name, "name"), scheduler);
    }

    /** Starts a node whose timers run on {@code scheduler} (a controllable one in tests, say). */
    public static Node start(String name, ScheduledExecutorService scheduler) {
        return new Node(Objects.requireNonNull(name, "name"), Objects.requireNonNull(scheduler, "scheduler"));
    }

    /** This node's name. */
    public String name() {
        return name;
    }

    /** This node's incarnation, carried by its pids: see {@link Pid#creation()}. */
    public int creation() {
        return creation;
    }

    /**
     * This node's clock, in nanoseconds from an arbitrary origin: {@link System#nanoTime()}, or the
     * {@link VirtualTime} the node was started with. Restart intensity windows and backoff quiet
     * periods are measured on it.
     */
    public long nanoTime() {
        return scheduler instanceof VirtualTime virtual ? virtual.nanoTime() : System.nanoTime();
    }

    /** When this node started. */
    public Instant startedAt() {
        return startedAt;
    }

    /**
     * Reports this node's events to {@code telemetry} from now on, in place of any earlier one.
     * Install it before processes start, so that every message is seen.
     */
    public void useTelemetry(Telemetry telemetry) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    /** What this node reports its events to: {@link Telemetry#NONE} unless one was installed. */
    public Telemetry telemetry() {
        return telemetry;
    }

    // ---------------------------------------------------------------- other nodes

    /** Reaches other nodes through {@code distribution} from now on (a cluster module installs it). */
    public void useDistribution(Distribution distribution) {
        this.distribution = Objects.requireNonNull(distribution, "distribution");
    }

    /** How this node reaches other nodes: {@link Distribution#NONE} unless a cluster installed one. */
    public Distribution distribution() {
        return distribution;
    }

    /**
     * The pid named by {@code node}, {@code creation} and {@code id}, as seen from this node: for
     * a distribution rebuilding the pids it receives. A live process of this node gets its own
     * pid; any other, a pid reached through the distribution (one of this node that is no longer
     * alive, or of an earlier incarnation of it, is dead: what is sent to it is a dead letter).
     */
    public Pid pid(String node, int creation, long id) {
        Objects.requireNonNull(node, "node");
        if (node.equals(name) && creation == this.creation) {
            ProcessCell cell = processes.get(id);
            if (cell != null) {
                return cell.pid();
            }
        }
        return new RemotePid(this, node, creation, id);
    }

    /**
     * Sends to a pid that has no cell here: through the distribution, or, when its node is not
     * connected or it is a dead one of this node, fails a call in it and counts it as a dead letter.
     */
    void sendRemote(Pid to, Object message) {
        if (ProcessCell.refusedFromKilledProcess(this, to, message)) {
            return;
        }
        boolean here = to.node().equals(name);
        if (!here && distribution.send(to, message)) {
            return;
        }
        ExitReason reason = here ? ExitReason.NOPROC : ExitReason.NOCONNECTION;
        if (message instanceof Awaited awaited) {
            awaited.fail(new ExitException(to, reason));
        }
        deadLetters.publish(new DeadLetter(to, message, here ? DeadLetter.Cause.RECIPIENT_DEAD : DeadLetter.Cause.NO_CONNECTION));
    }

    /**
     * The pid of another node that {@code ref} stands for, or {@code null} (also for a dead pid of
     * this node, or of an earlier incarnation of it: that process is not alive, whatever the
     * distribution would say).
     */
    @Nullable
    Pid remoteOf(ProcessRef ref) {
        Pid pid = ref instanceof Pid given ? given : ref instanceof RegisteredName ? null : ref.resolve();
        return pid != null && pid.cell() == null && !pid.node().equals(name) ? pid : null;
    }

    /**
     * Delivers an exit signal that came from another node to a process of this one: as if
     * {@code from} had sent it ({@code fromLink}: through a link, so {@code kill} is not
     * untrappable), or from no process when {@code from} is {@code null}. Nothing happens when
     * {@code target} is not alive here.
     */
    public void signalExit(Pid target, @Nullable Pid from, ExitReason reason, boolean fromLink) {
        ProcessCell cell = cellOf(target);
        if (cell != null) {
            cell.exitSignal(from, reason, fromLink);
        }
    }

    /**
     * Closes {@code ref}, a monitor of a process on another node, with a {@link Down} for
     * {@code reason} to its watcher; nothing happens when it was closed already.
     */
    public void deliverDown(MonitorRef ref, ExitReason reason) {
        ref.watcherCell().monitorFired(ref, reason);
    }

    // ---------------------------------------------------------------- spawning

    /** Spawns an anonymous, unsupervised process. */
    public Pid spawn(Behavior behavior) {
        return spawn(behavior, SpawnOptions.defaults(), null);
    }

    /**
     * Spawns a process as {@code options} say and runs its {@code init} before returning.
     *
     * @throws StartException when {@code init} throws or stops
     * @throws NameTakenException when the name is held by another process
     */
    public Pid spawn(Behavior behavior, SpawnOptions options) {
        return spawn(behavior, options, null);
    }

    Pid spawn(Behavior behavior, SpawnOptions options, @Nullable ProcessCell spawner) {
        Objects.requireNonNull(behavior, "behavior");
        ProcessCell supervisor = supervisorOf(options);
        ProcessCell predecessor = options.predecessor() == null ? null : localCell(options.predecessor());
        ProcessCell cell = new ProcessCell(this, ids.incrementAndGet(), behavior, options, supervisor);
        String registeredName = options.name();
        boolean inheritsName = registeredName != null && predecessor != null
                && registeredName.equals(predecessor.name()) && predecessor.awaitsSuccessor();
        if (registeredName != null && !inheritsName) {
            names.register(registeredName, cell);
        }
        registerVia(options, cell, registeredName != null && !inheritsName);
        processes.put(cell.pid().id(), cell);
        // linked from the new cell's side: a parent that died meanwhile makes the start fail
        if (spawner != null) {
            ProcessCell.link(cell, spawner);
        }
        if (supervisor != null) {
            ProcessCell.link(cell, supervisor);
        }
        ExitReason failure = cell.isAlive() ? cell.initialize(spawner) : cell.exitReason();
        if (failure != null) {
            throw new StartException("process " + cell.pid() + " failed to start", failure);
        }
        if (predecessor != null && predecessor.succeedBy(cell, options.mailboxOnRestart())) {
            handOverName(predecessor, cell, inheritsName);
        }
        return cell.pid();
    }

    /** Registers a new process under its via name; a name taken there frees its local name again. */
    private void registerVia(SpawnOptions options, ProcessCell cell, boolean registeredLocally) {
        Via via = options.via();
        if (via == null) {
            return;
        }
        try {
            via.register(cell.pid());
        }
        catch (RuntimeException failure) {
            if (registeredLocally) {
                names.unregister(options.name(), cell);
            }
            throw failure;
        }
    }

    /** The successor takes its predecessor's name, or the dead incarnation lets go of it. */
    private void handOverName(ProcessCell predecessor, ProcessCell successor, boolean inheritsName) {
        String name = predecessor.name();
        if (name == null) {
            return;
        }
        if (inheritsName) {
            names.transfer(name, predecessor, successor);
        }
        else {
            names.unregister(name, predecessor);
        }
    }

    private @Nullable ProcessCell supervisorOf(SpawnOptions options) {
        Pid supervisor = options.supervisor();
        if (supervisor == null) {
            return null;
        }
        ProcessCell cell = localCell(supervisor);
        if (!cell.isAlive()) {
            throw new StartException("supervisor " + supervisor + " is not alive", ExitReason.NOPROC);
        }
        if (!cell.trapsExits()) {
            throw new IllegalArgumentException("supervisor " + supervisor + " must trap exits");
        }
        return cell;
    }

    private ProcessCell localCell(Pid pid) {
        ProcessCell cell = pid.cell();
        if (cell == null || cell.node() != this) {
            throw new IllegalArgumentException(pid + " does not belong to node " + name);
        }
        return cell;
    }

    // ---------------------------------------------------------------- names

    /**
     * Registers {@code pid} under {@code name}; the name is freed when the process exits.
     *
     * @throws NameTakenException when another process holds the name
     * @throws IllegalArgumentException when the process is not alive or already has another name
     */
    public void register(String name, Pid pid) {
        ProcessCell cell = localCell(pid);
        if (!cell.isAlive()) {
            throw new IllegalArgumentException(pid + " is not alive");
        }
        String current = cell.name();
        if (current != null && !current.equals(name) && names.lookup(current) == cell) {
            throw new IllegalArgumentException(pid + " is already registered as '" + current + "'");
        }
        names.register(name, cell);
        cell.registeredAs(name);
        if (!cell.isAlive()) {
            // it exited meanwhile, perhaps before its name was recorded
            names.unregister(name, cell);
        }
    }

    /**
     * Calls {@code listener} when {@code pid} exits, before its links and monitors fire.
     *
     * @return {@code false}, and never calls it, when {@code pid} has already exited
     */
    public boolean addExitListener(Pid pid, ExitListener listener) {
        return localCell(pid).addExitListener(Objects.requireNonNull(listener, "listener"));
    }

    /** Removes a listener added with {@link #addExitListener}, if still there. */
    public void removeExitListener(Pid pid, ExitListener listener) {
        localCell(pid).removeExitListener(listener);
    }

    /** Removes {@code name} from whatever live process holds it. */
    public void unregister(String name) {
        ProcessCell cell = names.lookup(name);
        if (cell != null) {
            names.unregister(name, cell);
        }
    }

    /** The live process registered under {@code name}, or {@code null}. */
    public @Nullable Pid whereis(String name) {
        ProcessCell cell = names.lookup(name);
        return cell != null && cell.isAlive() ? cell.pid() : null;
    }

    /** A reference resolved by name on every use. */
    public RegisteredName named(String name) {
        return new RegisteredName(this, name);
    }

    /** The live registered processes, by name. */
    public Map<String, Pid> registeredNames() {
        return names.snapshot();
    }

    NameTable names() {
        return names;
    }

    // ---------------------------------------------------------------- signals and stops

    /** Sends an exit signal from outside any process ({@link Exit#from()} is {@code null}). */
    public void exit(ProcessRef target, ExitReason reason) {
        ProcessCell cell = cellOf(target);
        if (cell != null) {
            cell.exitSignal(null, reason, false);
            return;
        }
        Pid remote = remoteOf(target);
        if (remote != null) {
            distribution.exit(null, remote, reason);
        }
    }

    /**
     * Stops a process gracefully: it handles what is already queued, runs {@code terminate} and
     * exits with {@code reason}. Waits at most {@code timeout} ({@code null}: forever).
     *
     * @return whether it exited in time
     */
    public boolean stop(ProcessRef target, ExitReason reason, @Nullable Duration timeout) {
        ProcessCell cell = cellOf(target);
        if (cell == null || !cell.isAlive()) {
            return true;
        }
        cell.requestStop(reason);
        return awaitExit(cell, timeout) != null;
    }

    /**
     * Asks a process to stop gracefully, as {@link #stop} does, without waiting: for stopping many
     * at once. Wait with {@link #awaitExit}.
     */
    public void requestStop(ProcessRef target, ExitReason reason) {
        ProcessCell cell = cellOf(target);
        if (cell != null && cell.isAlive()) {
            cell.requestStop(reason);
        }
    }

    /**
     * Waits up to {@code timeout} ({@code null}: forever) for {@code pid} to exit.
     *
     * @return its exit reason, or {@code null} if it is still alive after the timeout
     */
    public @Nullable ExitReason awaitExit(Pid pid, @Nullable Duration timeout) {
        return awaitExit(localCell(pid), timeout);
    }

    private @Nullable ExitReason awaitExit(ProcessCell cell, @Nullable Duration timeout) {
        try {
            return cell.awaitExit(timeout);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return cell.exitReason();
        }
    }

    /** The reason {@code pid} exited with, or {@code null} while it is alive. */
    public @Nullable ExitReason exitReason(Pid pid) {
        return localCell(pid).exitReason();
    }

    /** How many messages wait in {@code pid}'s mailbox. */
    public int mailboxSize(Pid pid) {
        return localCell(pid).mailboxSize();
    }

    /**
     * Ends the wait of a dead, supervised incarnation for a restart: its name is freed and its
     * queued messages become dead letters. For supervisors that decide not to restart a child.
     */
    public void release(Pid pid) {
        localCell(pid).release();
    }

    /**
     * Fails at once, with its exit, the calls queued for a dead, supervised incarnation whose
     * supervisor has not decided yet (other messages keep waiting for the successor). A supervisor
     * does this before stopping processes that may be blocked calling it.
     */
    public void failPendingCalls(Pid pid) {
        localCell(pid).failPendingCalls();
    }

    // ---------------------------------------------------------------- the node as a whole

    /** How many processes are alive. */
    public int processCount() {
        return processes.size();
    }

    /** The live process with this {@linkplain Pid#id() id}, or {@code null}. */
    public @Nullable Pid process(long id) {
        ProcessCell cell = processes.get(id);
        return cell == null || !cell.isAlive() ? null : cell.pid();
    }

    /** The live processes. */
    public List<Pid> processes() {
        List<Pid> result = new ArrayList<>(processes.size());
        processes.values().forEach(cell -> result.add(cell.pid()));
        return result;
    }

    /** This node's dead letters. */
    public DeadLetters deadLetters() {
        return deadLetters;
    }

    /** This node's timers. */
    public Timers timers() {
        return timers;
    }

    /** Kills every process still alive and stops the timers. Stop supervisors first to shut down gracefully. */
    @Override
    public void close() {
        for (ProcessCell cell : processes.values()) {
            cell.exitSignal(null, ExitReason.KILL, false);
        }
        scheduler.shutdownNow();
    }

    @Override
    public String toString() {
        return "node " + name;
    }

    // ---------------------------------------------------------------- runtime internals

    long nextRef() {
        return ids.incrementAndGet();
    }

    @Nullable
    ProcessCell cellOf(ProcessRef ref) {
        if (ref instanceof Pid pid) {
            ProcessCell cell = pid.cell();
            if (cell == null && pid.node().equals(name) && pid.creation() == creation) {
                // one of this node's processes, named by a pid another node of this JVM rebuilt
                return processes.get(pid.id());
            }
            return cell != null && cell.node() == this ? cell : null;
        }
        if (ref instanceof RegisteredName named && named.node() == this) {
            return names.lookup(named.name());
        }
        Pid resolved = ref.resolve();
        return resolved == null ? null : cellOf(resolved);
    }

    void exited(ProcessCell cell, boolean released) {
        processes.remove(cell.pid().id(), cell);
        String registered = cell.name();
        if (released && registered != null) {
            names.unregister(registered, cell);
        }
    }
}
