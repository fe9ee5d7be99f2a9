package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.Exit;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.process.StartException;
import org.jspecify.annotations.Nullable;

/**
 * The dynamic supervisor process. It traps exits; a child's {@link Exit} restarts that child alone
 * (if its restart type says so and the intensity allows) or releases it. A restart that fails is
 * retried through its own mailbox, counting against the intensity, as Elixir does.
 */
final class DynamicSupervisorServer implements GenServer {

    private final DynamicSupervisorSpec spec;
    private final RestartBudget budget;
    private final Map<Pid, Child> running = new LinkedHashMap<>();
    private final Set<Child> restarting = new LinkedHashSet<>();
    /** How many of the children (running or restarting) are supervisors: kept, so reports cost no walk. */
    private int supervisorChildren;
    /** The last ticket given to a restart order: a stale order finds its child waiting for another. */
    private long tickets;
    private @Nullable ProcessContext self;

    DynamicSupervisorServer(DynamicSupervisorSpec spec) {
        this.spec = spec;
        this.budget = new RestartBudget(spec.intensity(), spec.period());
    }

    /** One child: running, or waiting for a restart. */
    private static final class Child extends SupervisedChild {

        Child(ChildSpec spec) {
            super(spec);
        }

        ChildInfo info(long now, Duration period) {
            return info(pid != null ? ChildStatus.RUNNING : ChildStatus.RESTARTING, now, period);
        }
    }

    /**
     * Sent to itself to start {@code child} again: after its backoff delay ({@code counts}: false, the
     * restart was counted at the exit) or after a failed start ({@code counts}: true); ignored unless
     * the child still waits under this {@code ticket}.
     */
    private record PendingRestart(Child child, long ticket, boolean counts) {
    }

    @Override
    public void init(ProcessContext context) {
        this.self = context;
    }

    // ---------------------------------------------------------------- calls

    @Override
    public Reply handleCall(Object request, From from) {
        if (request instanceof SupervisorRequest.Report report) {
            if (!from.isWaiting()) {
                return Reply.later(); // its caller timed out: a late report would only become a dead letter
            }
            return Reply.of(new SupervisorReport(true, Strategy.ONE_FOR_ONE, spec.intensity(), spec.period(),
                    budget.recentRestarts(context().node().nanoTime()), spec.maxChildren(), count(), infos(report.dynamicChildLimit())));
        }
        return Reply.of(switch ((DynamicRequest) request) {
            case DynamicRequest.StartChild start -> startNew(start.spec());
            case DynamicRequest.TerminateChild terminate -> terminate(terminate.pid());
            case DynamicRequest.WhichChildren ignored -> infos(Integer.MAX_VALUE);
            case DynamicRequest.CountChildren ignored -> count();
        });
    }

    private StartResult startNew(ChildSpec childSpec) {
        if (running.size() + restarting.size() >= spec.maxChildren()) {
            return new StartResult.MaxChildrenReached(spec.maxChildren());
        }
        try {
            Child child = new Child(childSpec);
            started(child, ChildLifecycle.start(context(), childSpec, null, context().label()));
            supervisorChildren += childSpec.type() == ChildType.SUPERVISOR ? 1 : 0;
            return new StartResult.Started(child.pid);
        }
        catch (StartException failure) {
            return new StartResult.Failed(failure.reason());
        }
    }

    private boolean terminate(Pid pid) {
        Child child = running.remove(pid);
        if (child == null) {
            return terminateWaiting(pid);
        }
        forget(child);
        Node node = context().node();
        ChildLifecycle.stop(node, pid, child.spec.shutdown());
        node.release(pid);
        return true;
    }

    /** A child waiting to restart is known by its dead incarnation: it is dropped, and never restarted. */
    private boolean terminateWaiting(Pid dead) {
        for (Child child : restarting) {
            if (dead.equals(child.predecessor)) {
                restarting.remove(child);
                forget(child);
                context().node().release(dead);
                return true;
            }
        }
        return false;
    }

    /** Up to {@code limit} children: the running ones in start order, then those being restarted. */
    private List<ChildInfo> infos(int limit) {
        int size = Math.min(limit, running.size() + restarting.size());
        List<ChildInfo> infos = new ArrayList<>(size);
        for (Child child : running.values()) {
            if (infos.size() == size) {
                return infos;
            }
            infos.add(child.info(context().node().nanoTime(), spec.period()));
        }
        for (Child child : restarting) {
            if (infos.size() == size) {
                return infos;
            }
            infos.add(child.info(context().node().nanoTime(), spec.period()));
        }
        return infos;
    }

    private ChildCounts count() {
        int specs = running.size() + restarting.size();
        return new ChildCounts(specs, running.size(), supervisorChildren, specs - supervisorChildren);
    }

    /** A child leaves for good. */
    private void forget(Child child) {
        supervisorChildren -= child.spec.type() == ChildType.SUPERVISOR ? 1 : 0;
    }

    // ---------------------------------------------------------------- exits and restarts

    @Override
    public void handleInfo(Object message) {
        if (message instanceof Exit exit && exit.from() != null) {
            Child child = running.remove(exit.from());
            if (child != null) {
                childExited(child, exit.from(), exit.reason());
            }
        }
        else if (message instanceof PendingRestart pending && restarting.contains(pending.child())
                && pending.child().history().restartTicket == pending.ticket()
                && (!pending.counts() || budget.allowRestart(context()))) {
            startAgain(pending.child());
        }
    }

    /** Carries out what {@code child}'s exit calls for, then reports the exit: the restart does not wait for logging. */
    private void childExited(Child child, Pid dead, ExitReason reason) {
        try {
            restartOrForget(child, dead, reason);
        }
        finally {
            CrashReports.childExited(context().self(), child.spec.id(), dead, reason);
        }
    }

    private void restartOrForget(Child child, Pid dead, ExitReason reason) {
        child.history().exited(reason);
        child.pid = null;
        if (!child.spec.restart().restartsAfter(reason)) {
            forget(child);
            context().node().release(dead);
            return;
        }
        child.predecessor = dead;
        restarting.add(child);
        if (!budget.allowRestart(context())) {
            return;
        }
        if (child.spec.backoff() == null) {
            startAgain(child);
        }
        else {
            orderRestart(child, false);
        }
    }

    /**
     * Orders {@code child} restarted by a message to itself: after its backoff's next delay when it
     * has one, else at once. The restart is counted when the order is carried out if {@code counts}.
     */
    private void orderRestart(Child child, boolean counts) {
        ChildHistory history = child.history();
        history.restartTicket = ++tickets;
        PendingRestart order = new PendingRestart(child, history.restartTicket, counts);
        RestartBackoff backoff = child.spec.backoff();
        Duration delay = backoff == null ? Duration.ZERO : history.nextDelay(context().node().nanoTime(), backoff);
        if (delay.isPositive()) {
            ChildLifecycle.restartLater(context(), backoff, delay,
                    child.predecessor == null ? List.of() : List.of(child.predecessor), order);
        }
        else {
            context().self().send(order);
        }
    }

    private void startAgain(Child child) {
        ProcessContext self = context();
        try {
            started(child, ChildLifecycle.start(self, child.spec, child.predecessor, self.label()));
        }
        catch (StartException failure) {
            orderRestart(child, true);
            return;
        }
        child.history().restartTicket = 0;
        child.history().restarted(context().node().nanoTime(), spec.period());
        self.node().telemetry().childRestarted(self.self(), self.label(), self.label());
    }

    private void started(Child child, Pid pid) {
        child.pid = pid;
        child.predecessor = null;
        restarting.remove(child);
        running.put(pid, child);
    }

    // ---------------------------------------------------------------- stopping

    /** Stops every child at once: each is asked to stop (or killed), then awaited within its own shutdown. */
    @Override
    public void terminate(ExitReason reason) {
        budget.reportIfGaveUp(context(), reason);
        Node node = context().node();
        long began = System.nanoTime();
        for (Map.Entry<Pid, Child> entry : running.entrySet()) {
            if (entry.getValue().spec.shutdown().isBrutalKill()) {
                node.exit(entry.getKey(), ExitReason.KILL);
            }
            else {
                node.requestStop(entry.getKey(), ExitReason.SHUTDOWN);
            }
        }
        for (Map.Entry<Pid, Child> entry : running.entrySet()) {
            awaitOrKill(node, entry.getKey(), entry.getValue().spec.shutdown(), began);
            node.release(entry.getKey());
        }
        running.clear();
        for (Child child : restarting) {
            if (child.predecessor != null) {
                node.release(child.predecessor);
            }
        }
        restarting.clear();
        supervisorChildren = 0;
    }

    private static void awaitOrKill(Node node, Pid pid, Shutdown shutdown, long began) {
        Duration timeout = shutdown.timeout();
        Duration left = timeout == null ? null
                : Duration.ofNanos(Math.max(0, timeout.toNanos() - (System.nanoTime() - began)));
        if (node.awaitExit(pid, left) == null) {
            ChildLifecycle.kill(node, pid);
        }
    }

    private ProcessContext context() {
        ProcessContext context = self;
        if (context == null) {
            throw new IllegalStateException("dynamic supervisor not initialised");
        }
        return context;
    }
}
