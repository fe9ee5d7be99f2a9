package io.otpspring.core.process;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.otpspring.core.mailbox.Mailbox;
import io.otpspring.core.mailbox.MailboxFullException;
import io.otpspring.core.process.DeadLetter.Cause;
import io.otpspring.core.telemetry.HandledMessage;
import io.otpspring.core.telemetry.Telemetry;
import org.jspecify.annotations.Nullable;

/**
 * One incarnation of a process: its mailbox, its scheduling state, its links and monitors, and
 * what becomes of its queued messages once it has exited.
 *
 * <p>An idle process holds no thread. The first message to arrive for an idle process starts a
 * virtual thread that drains the mailbox and ends when it is empty, so a million idle processes
 * cost only their objects. A handler may block: it blocks only its own virtual thread.
 *
 * <p>After death, its {@link Remains} route what was queued or is still sent to it: to the
 * incarnation that succeeds it, or to the dead letters.
 */
final class ProcessCell implements ProcessContext, Runnable {

    static final int STARTING = 0;
    static final int IDLE = 1;
    static final int RUNNING = 2;
    static final int DEAD = 3;

    private static final long LINGER_AFTER_CALL_NANOS = 10_000;
    private static final VarHandle STATE;
    private static final VarHandle IN_HAND;
    private static final VarHandle TAKING;
    private static final VarHandle THREAD;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(ProcessCell.class, "state", int.class);
            IN_HAND = lookup.findVarHandle(ProcessCell.class, "inHand", Object.class);
            TAKING = lookup.findVarHandle(ProcessCell.class, "taking", boolean.class);
            THREAD = lookup.findVarHandle(ProcessCell.class, "thread", Thread.class);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final Node node;
    private final Pid pid;
    private final Mailbox mailbox;
    private final Behavior behavior;
    private final @Nullable ProcessCell supervisor;
    private final @Nullable String label;
    private volatile @Nullable String name;

    private volatile int state = STARTING;
    private volatile @Nullable Thread thread;
    private volatile boolean trapExits;
    private volatile @Nullable ExitReason exitReason;
    /**
     * Whether the drain thread is between checking that the process lives and deciding what to do
     * with the message it takes: whoever kills the process waits for that decision.
     */
    private boolean taking;
    /** The message being handled; read by whoever kills the process. */
    private @Nullable Object inHand;
    /** Whether the last message handled was a call; read by the process's own thread. */
    private boolean answeredCall;
    /** Set by {@link #stop(ExitReason)}; read by the process's own thread. */
    private @Nullable ExitReason stopRequest;

    // guarded by this
    private final Links links = new Links();
    private @Nullable CellExtras extras;
    /** Set (under the lock) just before the state turns {@code DEAD}; read after seeing {@code DEAD}. */
    private @Nullable Remains remains;

    ProcessCell(Node node, long id, Behavior behavior, SpawnOptions options, @Nullable ProcessCell supervisor) {
        this.node = node;
        this.pid = new Pid(this, node.name(), node.creation(), id);
        this.mailbox = options.mailbox().create();
        this.behavior = behavior;
        this.supervisor = supervisor;
        this.name = options.name();
        this.label = options.label();
        this.trapExits = options.trapExits();
    }

    // ---------------------------------------------------------------- identity and state

    @Override
    public Pid self() {
        return pid;
    }

    Pid pid() {
        return pid;
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public @Nullable Pid parent() {
        return supervisor == null ? null : supervisor.pid;
    }

    @Nullable
    String name() {
        return name;
    }

    @Override
    public String label() {
        if (label != null) {
            return label;
        }
        String registered = name;
        return registered != null ? registered : "anonymous";
    }

    /** Records the name {@link Node#register} gave this process, so that its exit frees it. */
    void registeredAs(String registered) {
        this.name = registered;
    }

    boolean isAlive() {
        return state != DEAD;
    }

    /** Whether this incarnation is dead and no supervisor decision is pending for it. */
    synchronized boolean isReleased() {
        return remains != null && !remains.isPending();
    }

    /**
     * Whether {@code other} may take over a name this incarnation holds: it is dead and both have
     * the same supervisor (typically {@code other} is its restart, registering the name in {@code init}).
     */
    boolean yieldsNameTo(ProcessCell other) {
        return state == DEAD && supervisor != null && supervisor == other.supervisor;
    }

    /** Whether this incarnation is dead and waits for its supervisor to restart or release it. */
    synchronized boolean awaitsSuccessor() {
        return remains != null && remains.isPending();
    }

    @Nullable
    ExitReason exitReason() {
        return exitReason;
    }

    /** What a caller waiting on this dead incarnation learns: why it exited. */
    ExitException exitNotice() {
        ExitReason reason = exitReason;
        return new ExitException(pid, reason == null ? ExitReason.NOPROC : reason);
    }

    int mailboxSize() {
        return mailbox.size();
    }

    // ---------------------------------------------------------------- receiving messages

    /** Whether {@code candidate} is running this incarnation's {@code init} or a handler now. */
    boolean runsOn(Thread candidate) {
        return thread == candidate;
    }

    /** The public send path: a killed process's leftover thread cannot send as that process. */
    void deliver(Object message) {
        if (refusedFromKilledProcess(node, pid, message)) {
            return;
        }
        // a message a process sends itself is its own work, not its sender's: it starts afresh, so a
        // work loop does not grow one trace forever
        Telemetry telemetry = node.telemetry();
        Object context = telemetry == Telemetry.NONE || runsOn(Thread.currentThread()) ? null : telemetry.capture();
        enqueue(context == null ? message : Traced.wrap(message, context), false);
    }

    /**
     * Whether the current thread is a killed process's leftover: then {@code message} is not sent
     * but counted, and a call in it fails with that process's exit.
     */
    static boolean refusedFromKilledProcess(Node node, Pid to, Object message) {
        ProcessCell killed = Zombies.ofCurrentThread();
        if (killed == null) {
            return false;
        }
        if (message instanceof Awaited awaited) {
            awaited.fail(killed.exitNotice());
        }
        node.deadLetters().publish(new DeadLetter(to, message, Cause.FROM_KILLED_PROCESS));
        return true;
    }

    /** Enqueues a message, within the mailbox bound unless {@code force}, and wakes the process. */
    void enqueue(Object message, boolean force) {
        if (state == DEAD) {
            remains().accept(message, false);
            return;
        }
        if (force) {
            mailbox.force(message);
        }
        else {
            Object dropped = mailbox.offer(message, pid);
            if (dropped != null) {
                overflowed(dropped);
            }
        }
        int current = state;
        if (current == IDLE) {
            if (STATE.compareAndSet(this, IDLE, RUNNING)) {
                Thread.startVirtualThread(this);
            }
        }
        else if (current == DEAD) {
            remains().sweep();
        }
    }

    private void overflowed(Object dropped) {
        if (dropped instanceof Stop) {
            mailbox.force(dropped);
            return;
        }
        if (dropped instanceof Awaited awaited) {
            awaited.fail(new MailboxFullException(pid.toString(), mailbox.size()));
        }
        node.deadLetters().publish(new DeadLetter(pid, dropped, Cause.MAILBOX_FULL));
    }

    // ---------------------------------------------------------------- the drain loop

    @Override
    public void run() {
        Thread current = Thread.currentThread();
        thread = current;
        try {
            drain(current);
        }
        finally {
            THREAD.compareAndSet(this, current, null);
            Zombies.remove(current, this);
        }
    }

    private void drain(Thread current) {
        for (;;) {
            TAKING.setVolatile(this, true);
            if (state == DEAD) {
                TAKING.setRelease(this, false);
                return;
            }
            Object message = mailbox.poll();
            if (message == null && (!answeredCall || (message = awaitNextCall()) == null)) {
                TAKING.setRelease(this, false);
                THREAD.compareAndSet(this, current, null);
                if (!STATE.compareAndSet(this, RUNNING, IDLE)) {
                    return;
                }
                if (mailbox.isEmpty() || !STATE.compareAndSet(this, IDLE, RUNNING)) {
                    return;
                }
                thread = current;
                continue;
            }
            if (state == DEAD) {
                remains().accept(message, true);
                TAKING.setRelease(this, false);
                return;
            }
            TAKING.setRelease(this, false);
            answeredCall = message instanceof Awaited;
            if (!dispatch(message)) {
                return;
            }
        }
    }

    /**
     * After answering a call, a server is likely to be called again at once by the same caller:
     * it keeps its thread for a few microseconds, which saves the caller a thread start and a
     * carrier wake-up per call. After anything else it gives the thread up at once, so that a
     * process it just woke can run on the same carrier.
     */
    private @Nullable Object awaitNextCall() {
        answeredCall = false;
        long deadline = System.nanoTime() + LINGER_AFTER_CALL_NANOS;
        do {
            Thread.onSpinWait();
            if (!mailbox.isEmpty()) {
                return mailbox.poll();
            }
        } while (System.nanoTime() < deadline);
        return null;
    }

    /** Handles one message; returns whether the process lives on. */
    private boolean dispatch(Object message) {
        IN_HAND.setRelease(this, message);
        try {
            if (message instanceof Stop stop) {
                finish(stop.reason());
                return false;
            }
            handle(message);
            ExitReason stop = stopRequest;
            if (stop != null) {
                finish(stop);
                return false;
            }
            return state != DEAD;
        }
        catch (Throwable failure) {
            if (state != DEAD) {
                crashed(message, failure);
            }
            return false;
        }
        finally {
            IN_HAND.setRelease(this, (Object) null);
        }
    }

    /** Runs the behavior's handler, within what the sender's telemetry captured when there is telemetry. */
    private void handle(Object message) throws Exception {
        Telemetry telemetry = node.telemetry();
        Object context = message instanceof Traced traced ? traced.context() : null;
        Object unwrapped = Traced.unwrap(message);
        if (telemetry == Telemetry.NONE) {
            behavior.handle(unwrapped);
            return;
        }
        HandledMessage handled = new HandledMessage(pid, label(), behavior.kindOf(unwrapped),
                behavior.payloadOf(unwrapped), context);
        telemetry.handle(handled, () -> behavior.handle(unwrapped));
    }

    /** The message in hand is not retried; a waiting caller learns the reason once the process is dead. */
    private void crashed(Object message, Throwable failure) {
        node.deadLetters().publish(new DeadLetter(pid, message, Cause.CRASHED_WHILE_HANDLING));
        finish(crash(failure));
    }

    /** The exit reason for this process's own code throwing {@code failure}, reported to telemetry. */
    private ExitReason crash(Throwable failure) {
        node.telemetry().processCrashed(pid, label(), failure);
        return ExitReason.crash(failure);
    }

    /** Runs {@code terminate}, then exits; a failing {@code terminate} becomes the exit reason. */
    private void finish(ExitReason reason) {
        ExitReason finalReason = reason;
        try {
            behavior.terminate(reason);
        }
        catch (Throwable failure) {
            finalReason = crash(failure);
        }
        die(finalReason);
    }

    // ---------------------------------------------------------------- starting

    /**
     * Runs {@code init} on the calling thread as this process, then lets it handle messages.
     * On failure the process is dead and the reason is returned: its starter ({@code spawner})
     * and supervisor learn it from that value, not from an exit signal; links made during
     * {@code init} fire as usual.
     */
    @Nullable
    ExitReason initialize(@Nullable ProcessCell spawner) {
        Thread current = Thread.currentThread();
        thread = current;
        ExitReason failure = null;
        try {
            behavior.init(this);
            failure = stopRequest;
        }
        catch (Throwable ex) {
            failure = crash(ex);
        }
        finally {
            synchronized (this) {
                thread = null;
            }
            Zombies.remove(current, this);
        }
        if (failure == null && STATE.compareAndSet(this, STARTING, IDLE)) {
            if (!mailbox.isEmpty() && STATE.compareAndSet(this, IDLE, RUNNING)) {
                Thread.startVirtualThread(this);
            }
            return null;
        }
        if (state == DEAD) {
            Thread.interrupted();
            return exitReason;
        }
        unlinkQuietly(spawner);
        unlinkQuietly(supervisor);
        die(failure);
        return failure;
    }

    private void unlinkQuietly(@Nullable ProcessCell other) {
        if (other != null) {
            removeLink(other);
            other.removeLink(this);
        }
    }

    // ---------------------------------------------------------------- exit signals

    /** An exit signal from {@code from} (or the node when {@code null}). */
    void exitSignal(@Nullable Pid from, ExitReason reason, boolean viaLink) {
        if (state == DEAD) {
            return;
        }
        if (!viaLink && reason instanceof ExitReason.Kill) {
            die(ExitReason.KILLED);
        }
        else if (trapExits) {
            enqueue(new Exit(from, reason), true);
        }
        else if (!(reason instanceof ExitReason.Normal)) {
            die(reason);
        }
    }

    /** Asks the process to stop after the messages already queued: it runs {@code terminate}. */
    void requestStop(ExitReason reason) {
        enqueue(new Stop(reason), true);
    }

    /**
     * Makes this incarnation dead: links and monitors fire, pending callers are told, a thread
     * still running a handler is interrupted and can no longer act as the process.
     */
    boolean die(ExitReason reason) {
        Iterable<ProcessCell> linked;
        CellExtras ended;
        boolean pending;
        synchronized (this) {
            if (state == DEAD) {
                return false;
            }
            exitReason = reason;
            pending = state != STARTING && awaitsSupervisorDecision();
            remains = new Remains(this, mailbox, pending);
            STATE.setVolatile(this, DEAD);
            linked = links.takeAll();
            ended = extras;
            extras = null;
        }
        Object held = IN_HAND.getAcquire(this);
        stopLeftoverThread();
        awaitLeftoverTake();
        if (held instanceof Awaited awaited && !awaited.isSettled()) {
            awaited.fail(new ExitException(pid, reason));
        }
        if (ended != null) {
            ended.processExited(this, reason);
        }
        node.exited(this, !pending);
        for (ProcessCell other : linked) {
            if (other != supervisor || !pending) {
                other.removeLink(this);
            }
            LinkSignals.deliver(() -> {
                other.exitSignal(pid, reason, true);
                if (other.supervisor == this) {
                    other.release();
                }
            });
        }
        if (!pending) {
            remains().sweep();
        }
        if (ended != null) {
            ended.signalExitWaiters();
        }
        return true;
    }

    /**
     * A leftover thread that took a message but had not yet seen this death puts it back at the
     * head of the queue; wait for that before the exit is signalled and the queue handed on, so
     * the message keeps its place.
     */
    void awaitLeftoverTake() {
        for (int spins = 0; (boolean) TAKING.getAcquire(this); spins++) {
            if (spins < 1_000) {
                Thread.onSpinWait();
            }
            else {
                Thread.yield();
            }
        }
    }

    private boolean awaitsSupervisorDecision() {
        ProcessCell parent = supervisor;
        return parent != null && parent.isAlive() && parent.trapExits;
    }

    /**
     * Marks the thread still running a handler (or {@code init}, on its starter's thread) as a
     * leftover and interrupts it. Under the lock, so that a starter that has taken its thread back
     * from {@code init} is never interrupted afterwards.
     */
    private synchronized void stopLeftoverThread() {
        Thread running = thread;
        if (running != null && running != Thread.currentThread()) {
            Zombies.add(running, this);
            if (thread == running) {
                running.interrupt();
            }
            else {
                Zombies.remove(running, this);
            }
        }
    }

    // ---------------------------------------------------------------- after death

    private Remains remains() {
        Remains current = remains;
        if (current == null) {
            throw new IllegalStateException(this + " is not dead");
        }
        return current;
    }

    /**
     * Hands this dead incarnation's remains to {@code next}.
     *
     * @return false when this incarnation was not waiting for its supervisor's decision
     */
    boolean succeedBy(ProcessCell next, MailboxOnRestart mode) {
        awaitLeftoverTake();
        Remains dead = remains;
        if (dead == null || !dead.succeedBy(next, mode)) {
            return false;
        }
        detachFromSupervisor();
        return true;
    }

    /** While this dead incarnation awaits its supervisor's decision, fails the calls queued for it. */
    void failPendingCalls() {
        Remains dead = remains;
        if (dead != null) {
            dead.failCalls();
        }
    }

    /** Ends the wait for a supervisor decision: queued messages become dead letters, the name is freed. */
    void release() {
        awaitLeftoverTake();
        Remains dead = remains;
        if (dead != null && dead.release()) {
            node.exited(this, true);
            detachFromSupervisor();
        }
    }

    private void detachFromSupervisor() {
        ProcessCell parent = supervisor;
        if (parent != null) {
            parent.removeLink(this);
        }
    }

    /** Waits up to {@code timeout} ({@code null}: forever) for this incarnation to exit. */
    @Nullable
    ExitReason awaitExit(@Nullable Duration timeout) throws InterruptedException {
        CountDownLatch latch;
        synchronized (this) {
            if (state == DEAD) {
                return exitReason;
            }
            latch = extras().exitLatch();
        }
        if (timeout == null) {
            latch.await();
        }
        else if (!latch.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return null;
        }
        return exitReason;
    }

    // ---------------------------------------------------------------- links and monitors

    private CellExtras extras() {
        CellExtras current = extras;
        if (current == null) {
            current = new CellExtras();
            extras = current;
        }
        return current;
    }

    synchronized boolean addLink(ProcessCell other) {
        if (state == DEAD) {
            return false;
        }
        links.add(other);
        return true;
    }

    synchronized void removeLink(ProcessCell other) {
        links.remove(other);
    }

    /** Links two cells; when {@code b} is not alive, {@code a} receives an exit signal {@code noproc}. */
    static void link(ProcessCell a, ProcessCell b) {
        if (a == b || !a.addLink(b)) {
            return;
        }
        if (!b.addLink(a)) {
            a.removeLink(b);
            a.exitSignal(b.pid, ExitReason.NOPROC, true);
        }
    }

    @Override
    public void link(ProcessRef other) {
        ProcessCell target = node.cellOf(other);
        if (target != null) {
            link(this, target);
            return;
        }
        Pid remote = node.remoteOf(other);
        if (remote == null) {
            exitSignal(null, ExitReason.NOPROC, true);
        }
        else if (node.distribution().isConnected(remote.node())) {
            node.distribution().link(pid, remote);
        }
        else {
            exitSignal(remote, ExitReason.NOCONNECTION, true);
        }
    }

    @Override
    public void unlink(ProcessRef other) {
        ProcessCell target = node.cellOf(other);
        if (target != null) {
            removeLink(target);
            target.removeLink(this);
            return;
        }
        Pid remote = node.remoteOf(other);
        if (remote != null) {
            node.distribution().unlink(pid, remote);
        }
    }

    @Override
    public MonitorRef monitor(ProcessRef target) {
        ProcessCell watched = node.cellOf(target);
        if (watched == null) {
            Pid remote = node.remoteOf(target);
            if (remote != null) {
                return monitorRemote(remote);
            }
            if (target instanceof Pid gone) {
                // a pid of this node (or of an earlier incarnation of it) whose process is gone
                MonitorRef ref = new MonitorRef(this, null, gone, node.nextRef());
                enqueue(new Down(ref, gone, ExitReason.NOPROC), true);
                return ref;
            }
            throw new ExitException(null, ExitReason.NOPROC);
        }
        MonitorRef ref = new MonitorRef(this, watched, watched.pid, node.nextRef());
        if (!watched.addMonitor(ref)) {
            enqueue(new Down(ref, watched.pid, ExitReason.NOPROC), true);
            return ref;
        }
        boolean watching;
        synchronized (this) {
            watching = state != DEAD;
            if (watching) {
                extras().monitoring(ref);
            }
        }
        if (!watching) {
            watched.removeMonitor(ref);
        }
        else if (!watched.isAlive()) {
            forgetMonitoring(ref);
        }
        return ref;
    }

    /** A monitor of a process on another node: its {@code Down} comes through the distribution. */
    private MonitorRef monitorRemote(Pid remote) {
        MonitorRef ref = new MonitorRef(this, null, remote, node.nextRef());
        synchronized (this) {
            if (state == DEAD) {
                return ref;
            }
            extras().monitoring(ref);
        }
        if (node.distribution().isConnected(remote.node())) {
            node.distribution().monitor(ref);
        }
        else {
            monitorFired(ref, ExitReason.NOCONNECTION);
        }
        return ref;
    }

    /** Closes {@code ref}, a monitor of this process's, with a {@code Down} for {@code reason}. */
    void monitorFired(MonitorRef ref, ExitReason reason) {
        boolean watching;
        synchronized (this) {
            watching = state != DEAD && extras != null && extras.forgetMonitoring(ref);
        }
        if (watching) {
            enqueue(new Down(ref, ref.pid(), reason), true);
        }
    }

    private synchronized boolean addMonitor(MonitorRef ref) {
        if (state == DEAD) {
            return false;
        }
        extras().monitoredBy(ref);
        return true;
    }

    synchronized boolean addExitListener(ExitListener listener) {
        if (state == DEAD) {
            return false;
        }
        extras().exitListener(listener);
        return true;
    }

    synchronized void removeExitListener(ExitListener listener) {
        if (extras != null) {
            extras.forgetExitListener(listener);
        }
    }

    synchronized void removeMonitor(MonitorRef ref) {
        if (extras != null) {
            extras.forgetMonitoredBy(ref);
        }
    }

    synchronized void forgetMonitoring(MonitorRef ref) {
        if (extras != null) {
            extras.forgetMonitoring(ref);
        }
    }

    @Override
    public void demonitor(MonitorRef ref) {
        ProcessCell target = ref.targetCell();
        if (target != null) {
            target.removeMonitor(ref);
        }
        else {
            node.distribution().demonitor(ref);
        }
        forgetMonitoring(ref);
    }

    @Override
    public void trapExits(boolean trap) {
        trapExits = trap;
    }

    @Override
    public boolean trapsExits() {
        return trapExits;
    }

    @Override
    public void exit(ProcessRef target, ExitReason reason) {
        if (state == DEAD) {
            return;
        }
        ProcessCell cell = node.cellOf(target);
        if (cell == null) {
            Pid remote = node.remoteOf(target);
            if (remote != null) {
                node.distribution().exit(pid, remote, reason);
            }
            return;
        }
        cell.exitSignal(pid, reason, false);
        Thread current = Thread.currentThread();
        if (cell == this && state == DEAD && thread == current) {
            // the handler goes on after its own death: from now on it cannot act as this process
            Zombies.add(current, this);
        }
    }

    @Override
    public Pid spawnLink(Behavior behavior, SpawnOptions options) {
        ExitReason reason = exitReason;
        if (reason != null) {
            throw new ExitException(pid, reason);
        }
        return node.spawn(behavior, options, this);
    }

    @Override
    public void stop(ExitReason reason) {
        stopRequest = reason;
    }

    @Override
    public void awaitAnswer(Awaited message) {
        boolean dead;
        synchronized (this) {
            dead = state == DEAD;
            if (!dead) {
                extras().awaiting(message);
            }
        }
        if (dead) {
            message.fail(exitNotice());
        }
    }

    @Override
    public String toString() {
        return "process " + pid + (name == null ? "" : " (" + name + ")");
    }

    /** The system message that asks a process to stop gracefully. */
    record Stop(ExitReason reason) {
    }
}
