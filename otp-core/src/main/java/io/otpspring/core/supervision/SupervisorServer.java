package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.Exit;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.process.StartException;
import io.otpspring.core.supervision.SupervisorRequest.CountChildren;
import io.otpspring.core.supervision.SupervisorRequest.DeleteChild;
import io.otpspring.core.supervision.SupervisorRequest.Refused;
import io.otpspring.core.supervision.SupervisorRequest.Report;
import io.otpspring.core.supervision.SupervisorRequest.RestartChild;
import io.otpspring.core.supervision.SupervisorRequest.PendingRestart;
import io.otpspring.core.supervision.SupervisorRequest.StartChild;
import io.otpspring.core.supervision.SupervisorRequest.TerminateChild;
import io.otpspring.core.supervision.SupervisorRequest.WhichChildren;
import org.jspecify.annotations.Nullable;

/**
 * The supervisor process: the imperative shell around {@link SupervisionDecisions}. It traps
 * exits, turns each child's {@link Exit} into a decision and carries it out: stopping children
 * as their {@link Shutdown} says, starting new incarnations that inherit their predecessors'
 * names and mailboxes, and releasing the ones it will not restart.
 */
final class SupervisorServer implements GenServer {

    static final ExitReason GAVE_UP = ExitReason.shutdown("reached_max_restart_intensity");

    private final SupervisorSpec spec;
    private final List<Child> children = new ArrayList<>();
    private final Map<String, Child> byId = new HashMap<>();
    private final Map<Pid, Child> byPid = new HashMap<>();
    private final RestartBudget budget;
    /** The last ticket given to a pending restart: a stale order finds its children waiting for another. */
    private long tickets;
    private @Nullable ProcessContext self;

    SupervisorServer(SupervisorSpec spec) {
        spec.children().forEach(spec::requireAcceptable);
        this.spec = spec;
        this.budget = new RestartBudget(spec.intensity(), spec.period());
    }

    /** One child, and the ticket of the pending restart it waits for (0 when none). */
    private static final class Child extends SupervisedChild {

        private long restartTicket;

        Child(ChildSpec spec) {
            super(spec);
        }

        ChildState state() {
            return new ChildState(spec.id(), spec.restart(), spec.significant(), pid != null, spec.dependsOn());
        }

        ChildInfo info(long now, Duration period) {
            ChildStatus status = pid != null ? ChildStatus.RUNNING
                    : restartTicket != 0 ? ChildStatus.RESTARTING : ChildStatus.TERMINATED;
            return info(status, now, period);
        }
    }

    @Override
    public void init(ProcessContext context) {
        this.self = context;
        for (ChildSpec childSpec : spec.children()) {
            Child child = add(childSpec);
            StartException failure = start(child);
            if (failure != null) {
                stopAll();
                throw new StartException("supervisor failed to start child '" + childSpec.id() + "'", failure.reason());
            }
        }
    }

    // ---------------------------------------------------------------- calls

    @Override
    public Reply handleCall(Object request, From from) {
        if (request instanceof Report && !from.isWaiting()) {
            return Reply.later(); // its caller timed out: a late report would only become a dead letter
        }
        try {
            return Reply.of(answer((SupervisorRequest) request));
        }
        catch (IllegalArgumentException | IllegalStateException | StartException refused) {
            return Reply.of(new Refused(refused));
        }
    }

    private Object answer(SupervisorRequest request) {
        return switch (request) {
            case WhichChildren ignored -> infos(children.size());
            case CountChildren ignored -> count();
            case Report ignored -> new SupervisorReport(false, spec.strategy(), spec.intensity(), spec.period(),
                    budget.recentRestarts(context().node().nanoTime()), null, count(), infos(children.size()));
            case StartChild start -> startNew(start.spec());
            case RestartChild restart -> restartTerminated(existing(restart.id()));
            case TerminateChild terminate -> terminate(existing(terminate.id()));
            case DeleteChild delete -> delete(existing(delete.id()));
            case PendingRestart pending -> throw new IllegalArgumentException("not a call: " + pending);
        };
    }

    private List<ChildInfo> infos(int limit) {
        long now = context().node().nanoTime();
        return children.stream().limit(limit).map(child -> child.info(now, spec.period())).toList();
    }

    private ChildCounts count() {
        int active = 0;
        int supervisors = 0;
        for (Child child : children) {
            active += child.pid != null ? 1 : 0;
            supervisors += child.spec.type() == ChildType.SUPERVISOR ? 1 : 0;
        }
        return new ChildCounts(children.size(), active, supervisors, children.size() - supervisors);
    }

    private Pid startNew(ChildSpec childSpec) {
        if (byId.containsKey(childSpec.id())) {
            throw new IllegalArgumentException("a child with id '" + childSpec.id() + "' already exists");
        }
        spec.requireAcceptable(childSpec);
        SupervisorSpec.requireEarlier(childSpec, byId.keySet());
        Child child = add(childSpec);
        StartException failure = start(child);
        if (failure != null) {
            forget(child);
            throw failure;
        }
        return child.pid;
    }

    private Pid restartTerminated(Child child) {
        if (child.pid != null) {
            throw new IllegalStateException("child '" + child.spec.id() + "' is running");
        }
        StartException failure = start(child);
        if (failure != null) {
            throw failure;
        }
        return child.pid;
    }

    private String terminate(Child child) {
        stop(child);
        release(child);
        if (child.spec.restart() == Restart.TEMPORARY) {
            forget(child);
        }
        return child.spec.id();
    }

    private String delete(Child child) {
        if (child.pid != null) {
            throw new IllegalStateException("child '" + child.spec.id() + "' is running; terminate it first");
        }
        release(child);
        forget(child);
        return child.spec.id();
    }

    private Child existing(String id) {
        Child child = byId.get(id);
        if (child == null) {
            throw new IllegalArgumentException("no child with id '" + id + "'");
        }
        return child;
    }

    // ---------------------------------------------------------------- exits

    @Override
    public void handleInfo(Object message) {
        if (message instanceof Exit exit && exit.from() != null) {
            Child child = byPid.remove(exit.from());
            if (child != null) {
                childExited(child, exit.reason());
            }
        }
        else if (message instanceof PendingRestart pending) {
            List<String> waiting = pending.ids().stream()
                    .filter(id -> byId.containsKey(id) && existing(id).restartTicket == pending.ticket()).toList();
            if (!waiting.isEmpty() && (!pending.counts() || budget.allowRestart(context()))) {
                startInOrder(waiting);
            }
        }
    }

    /** Carries out what {@code child}'s exit calls for, then reports the exit: the restart does not wait for logging. */
    private void childExited(Child child, ExitReason reason) {
        List<ChildState> before = states();
        Pid dead = child.pid;
        if (dead != null) {
            child.history().exited(reason);
        }
        child.predecessor = dead;
        child.pid = null;
        ExitDecision decision = SupervisionDecisions.onChildExit(spec.strategy(), spec.autoShutdown(), before,
                child.spec.id(), reason);
        if (dead != null && decision instanceof ExitDecision.RestartChildren restart && !restart.stop().isEmpty()) {
            // a sibling to be stopped may be blocked calling the dead child: its call fails now, as in Erlang,
            // instead of waiting for a successor that starts only after that sibling has stopped
            context().node().failPendingCalls(dead);
        }
        try {
            carryOut(decision, dead == null ? null : child);
        }
        finally {
            if (dead != null) {
                CrashReports.childExited(context().self(), child.spec.id(), dead, reason);
            }
        }
    }

    /** {@code crashed}: the child whose exit led to {@code decision}, whose backoff may delay a restart. */
    private void carryOut(ExitDecision decision, @Nullable Child crashed) {
        switch (decision) {
            case ExitDecision.RestartChildren restart -> restart(restart, crashed);
            case ExitDecision.KeepTerminated keep -> release(existing(keep.id()));
            case ExitDecision.RemoveChild remove -> {
                Child child = existing(remove.id());
                release(child);
                forget(child);
            }
            case ExitDecision.ShutDownSupervisor shutDown -> {
                carryOut(shutDown.then(), crashed);
                context().stop(shutDown.reason());
            }
        }
    }

    private void restart(ExitDecision.RestartChildren plan, @Nullable Child crashed) {
        if (!budget.allowRestart(context())) {
            return;
        }
        for (String id : plan.stop()) {
            stop(existing(id));
        }
        for (String id : plan.remove()) {
            Child child = existing(id);
            release(child);
            forget(child);
        }
        if (crashed == null || crashed.spec.backoff() == null) {
            startInOrder(plan.start());
        }
        else {
            orderRestart(plan.start(), crashed, false);
        }
    }

    /**
     * Orders {@code ids} restarted by a message to itself: after {@code backoff}'s next delay when
     * {@code cause} (the child that crashed, or failed to start) has one, else at once. The restart
     * is counted when the order is carried out if {@code counts}.
     */
    private void orderRestart(List<String> ids, Child cause, boolean counts) {
        long ticket = ++tickets;
        List<Pid> dead = new ArrayList<>();
        for (String id : ids) {
            Child waiting = existing(id);
            if (waiting.pid == null) {
                waiting.restartTicket = ticket;
                if (waiting.predecessor != null) {
                    dead.add(waiting.predecessor);
                }
            }
        }
        PendingRestart order = new PendingRestart(List.copyOf(ids), ticket, counts);
        RestartBackoff backoff = cause.spec.backoff();
        Duration delay = backoff == null ? Duration.ZERO : cause.history().nextDelay(context().node().nanoTime(), backoff);
        if (delay.isPositive()) {
            ChildLifecycle.restartLater(context(), backoff, delay, dead, order);
        }
        else {
            context().self().send(order);
        }
    }

    private void startInOrder(List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            Child child = existing(ids.get(i));
            if (child.pid != null) {
                continue;
            }
            if (start(child) != null) {
                orderRestart(ids.subList(i, ids.size()), child, true);
                return;
            }
            child.history().restarted(context().node().nanoTime(), spec.period());
            ProcessContext self = context();
            self.node().telemetry().childRestarted(self.self(), self.label(), child.spec.id());
        }
    }

    // ---------------------------------------------------------------- stopping

    @Override
    public void terminate(ExitReason reason) {
        budget.reportIfGaveUp(context(), reason);
        stopAll();
    }

    private void stopAll() {
        for (String id : SupervisionDecisions.stopOrder(states())) {
            stop(existing(id));
        }
        for (Child child : children) {
            release(child);
        }
    }

    /** Stops a running child as its shutdown says; its dead incarnation becomes the predecessor. */
    private void stop(Child child) {
        Pid pid = child.pid;
        if (pid == null) {
            return;
        }
        byPid.remove(pid);
        ChildLifecycle.stop(context().node(), pid, child.spec.shutdown());
        child.predecessor = pid;
        child.pid = null;
    }

    /** Gives up the dead incarnation of a child that will not be restarted now. */
    private void release(Child child) {
        child.restartTicket = 0;
        Pid dead = child.predecessor;
        if (dead != null) {
            context().node().release(dead);
            child.predecessor = null;
        }
    }

    // ---------------------------------------------------------------- starting

    private @Nullable StartException start(Child child) {
        try {
            Pid pid = ChildLifecycle.start(context(), child.spec, child.predecessor, child.spec.id());
            child.pid = pid;
            child.predecessor = null;
            child.restartTicket = 0;
            byPid.put(pid, child);
            return null;
        }
        catch (StartException failure) {
            return failure;
        }
    }

    private Child add(ChildSpec childSpec) {
        Child child = new Child(childSpec);
        children.add(child);
        byId.put(childSpec.id(), child);
        return child;
    }

    private void forget(Child child) {
        children.remove(child);
        byId.remove(child.spec.id());
    }

    private List<ChildState> states() {
        List<ChildState> states = new ArrayList<>(children.size());
        for (Child child : children) {
            states.add(child.state());
        }
        return states;
    }

    private ProcessContext context() {
        ProcessContext context = self;
        if (context == null) {
            throw new IllegalStateException("supervisor not initialised");
        }
        return context;
    }
}
