package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessRef;
import io.otpspring.core.process.SpawnOptions;
import io.otpspring.core.process.StartException;

/**
 * Supervisors, as Erlang's {@code supervisor}: a process that starts its children in order,
 * restarts them by its {@link Strategy} when they exit, gives up (and so escalates to its own
 * supervisor) when restarts exceed its intensity, and stops them in reverse order when it stops.
 *
 * <pre>{@code
 * Pid root = Supervisor.start(node, SupervisorSpec.oneForOne(
 *         ChildSpec.worker("cache", Cache::new).withName("cache"),
 *         ChildSpec.worker("api", ApiClient::new)));
 * }</pre>
 *
 * Management calls wait as long as the supervisor needs (starting a child runs its {@code init}).
 */
public final class Supervisor {

    private static final Duration NO_TIMEOUT = Duration.ofNanos(Long.MAX_VALUE);

    private Supervisor() {
    }

    /**
     * Starts a supervisor and its children; returns once all have started.
     *
     * @throws StartException when a child fails to start (those already started are stopped)
     */
    public static Pid start(Node node, SupervisorSpec spec) {
        return start(node, spec, SpawnOptions.defaults());
    }

    /** Starts a supervisor with spawn options (a name, or its own supervisor). */
    public static Pid start(Node node, SupervisorSpec spec, SpawnOptions options) {
        Objects.requireNonNull(spec, "spec");
        return GenServer.start(node, new SupervisorServer(spec), options.withTrapExits(true));
    }

    /** The children in start order. */
    public static List<ChildInfo> whichChildren(ProcessRef supervisor) {
        return ask(supervisor, new SupervisorRequest.WhichChildren());
    }

    /**
     * The supervisor, its restart budget and its children, waiting at most {@code timeout}: for
     * observers and health checks. Dynamic supervisors answer it too, listing only their first
     * {@code dynamicChildLimit} children (a static supervisor's children are few: all are listed).
     * A report its caller stopped waiting for is not sent.
     *
     * @throws io.otpspring.core.genserver.CallTimeoutException when it does not answer in time (it
     *         may be busy starting a child)
     * @throws io.otpspring.core.process.ExitException when it is not alive
     */
    public static SupervisorReport report(ProcessRef supervisor, int dynamicChildLimit, Duration timeout) {
        if (dynamicChildLimit < 0) {
            throw new IllegalArgumentException("the child limit must not be negative, was " + dynamicChildLimit);
        }
        return ask(supervisor, new SupervisorRequest.Report(dynamicChildLimit), timeout);
    }

    /** The children counted. */
    public static ChildCounts countChildren(ProcessRef supervisor) {
        return ask(supervisor, new SupervisorRequest.CountChildren());
    }

    /**
     * Adds a child at the end and starts it.
     *
     * @throws IllegalArgumentException when a child with that id exists
     * @throws StartException when it fails to start (it is not added)
     */
    public static Pid startChild(ProcessRef supervisor, ChildSpec spec) {
        return ask(supervisor, new SupervisorRequest.StartChild(Objects.requireNonNull(spec, "spec")));
    }

    /** Starts again a child that was terminated. */
    public static Pid restartChild(ProcessRef supervisor, String id) {
        return restartChild(supervisor, id, NO_TIMEOUT);
    }

    /**
     * {@link #restartChild(ProcessRef, String)}, waiting at most {@code timeout}.
     *
     * @throws io.otpspring.core.genserver.CallTimeoutException when it takes longer (the restart may still happen)
     */
    public static Pid restartChild(ProcessRef supervisor, String id, Duration timeout) {
        return ask(supervisor, new SupervisorRequest.RestartChild(id), timeout);
    }

    /** Stops a child as its shutdown says; its spec is kept (a temporary child's is removed). */
    public static void terminateChild(ProcessRef supervisor, String id) {
        terminateChild(supervisor, id, NO_TIMEOUT);
    }

    /**
     * {@link #terminateChild(ProcessRef, String)}, waiting at most {@code timeout}.
     *
     * @throws io.otpspring.core.genserver.CallTimeoutException when it takes longer (the child may still stop)
     */
    public static void terminateChild(ProcessRef supervisor, String id, Duration timeout) {
        ask(supervisor, new SupervisorRequest.TerminateChild(id), timeout);
    }

    /** Removes the spec of a child that is not running. */
    public static void deleteChild(ProcessRef supervisor, String id) {
        ask(supervisor, new SupervisorRequest.DeleteChild(id));
    }

    private static <T> T ask(ProcessRef supervisor, SupervisorRequest request) {
        return ask(supervisor, request, NO_TIMEOUT);
    }

    @SuppressWarnings("unchecked")
    private static <T> T ask(ProcessRef supervisor, SupervisorRequest request, Duration timeout) {
        Object reply = GenServer.call(supervisor, request, timeout);
        if (reply instanceof SupervisorRequest.Refused refused) {
            throw refused.error();
        }
        return (T) reply;
    }
}
