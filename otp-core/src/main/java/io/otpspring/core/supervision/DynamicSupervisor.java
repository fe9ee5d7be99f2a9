package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessRef;
import io.otpspring.core.process.SpawnOptions;

/**
 * Dynamic supervisors, as Elixir's {@code DynamicSupervisor}: a supervisor that starts with no
 * children and starts them on demand (a process per user, per order, per connection), restarting
 * each on its own as its restart type says (one_for_one), within a restart intensity and an
 * optional {@code maxChildren}. When it stops, it stops all its children at once, each within its
 * shutdown.
 *
 * <pre>{@code
 * Pid carts = DynamicSupervisor.start(node, DynamicSupervisorSpec.defaults().withMaxChildren(10_000));
 * Registry<String, Void> byUser = Registry.unique(node, "carts");
 * Pid cart = DynamicSupervisor.startChild(carts,
 *         ChildSpec.worker("cart", () -> new Cart(userId)).withName(byUser.via(userId))).orElseThrow();
 * }</pre>
 *
 * Per-child arguments are whatever the child spec's factory captures ({@code userId} above).
 * Children are identified by pid; their spec ids need not be unique.
 */
public final class DynamicSupervisor {

    private static final Duration NO_TIMEOUT = Duration.ofNanos(Long.MAX_VALUE);

    private DynamicSupervisor() {
    }

    /** Starts a dynamic supervisor with no children. */
    public static Pid start(Node node, DynamicSupervisorSpec spec) {
        return start(node, spec, SpawnOptions.defaults());
    }

    /** Starts a dynamic supervisor with spawn options (a name, or its own supervisor). */
    public static Pid start(Node node, DynamicSupervisorSpec spec, SpawnOptions options) {
        Objects.requireNonNull(spec, "spec");
        return GenServer.start(node, new DynamicSupervisorServer(spec), options.withTrapExits(true));
    }

    /**
     * Starts a child as {@code spec} says, unless the supervisor runs its {@code maxChildren}
     * already; a refusal or a failed start is returned as a value.
     *
     * @throws IllegalArgumentException for a significant child (dynamic supervisors have no automatic shutdown)
     */
    public static StartResult startChild(ProcessRef supervisor, ChildSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec.significant()) {
            throw new IllegalArgumentException("child '" + spec.id()
                    + "' is significant, but a dynamic supervisor has no automatic shutdown");
        }
        return GenServer.call(supervisor, new DynamicRequest.StartChild(spec), NO_TIMEOUT);
    }

    /**
     * Stops the child {@code pid} as its shutdown says and forgets it, whatever its restart type.
     *
     * @return {@code false} when {@code pid} is not a child of this supervisor
     */
    public static boolean terminateChild(ProcessRef supervisor, Pid pid) {
        return GenServer.call(supervisor, new DynamicRequest.TerminateChild(Objects.requireNonNull(pid, "pid")),
                NO_TIMEOUT);
    }

    /** The children in start order; one being restarted has no pid. */
    public static List<ChildInfo> whichChildren(ProcessRef supervisor) {
        return GenServer.call(supervisor, new DynamicRequest.WhichChildren(), NO_TIMEOUT);
    }

    /** The children counted. */
    public static ChildCounts countChildren(ProcessRef supervisor) {
        return GenServer.call(supervisor, new DynamicRequest.CountChildren(), NO_TIMEOUT);
    }
}
