package io.otpspring.spring.actuate.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import io.otpspring.core.genserver.CallTimeoutException;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.registry.Keys;
import io.otpspring.core.registry.Registry;
import io.otpspring.core.statem.StateChange;
import io.otpspring.core.supervision.ChildFailure;
import io.otpspring.core.supervision.ChildInfo;
import io.otpspring.core.supervision.ChildType;
import io.otpspring.core.supervision.Restart;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.spring.actuate.endpoint.ProcessTreeInspector.Located;
import io.otpspring.spring.process.CallGuards;
import io.otpspring.spring.process.ProcessTree;
import io.otpspring.spring.process.StateMachineHandle;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code /actuator/otp}: the node, its supervision tree and its cluster; {@code /registry}: the registry
 * namespaces; {@code /processes/{name}}: one process, and (write access only) restart or kill it.
 * Writes are inaccessible unless {@code management.endpoint.otp.access=unrestricted}.
 */
@Endpoint(id = "otp", defaultAccess = Access.READ_ONLY)
public class OtpEndpoint {

    private static final String REGISTRY = "registry";
    private static final String PROCESSES = "processes";

    private final ProcessTreeInspector inspector;
    private final Supplier<Collection<Registry<?, ?>>> registries;
    private final Function<String, @Nullable StateMachineHandle<?>> stateMachines;
    private final Function<String, CallGuards.@Nullable GuardState> guards;
    private final ValueSanitizer sanitizer;
    private final BooleanSupplier writable;
    private final int pageSize;
    private final Duration actionTimeout;
    private final @Nullable ClusterView cluster;

    /**
     * @param registries every registry namespace to show
     * @param stateMachines the handle of a state-machine process bean, by name, or {@code null}
     * @param guards the state of what guards calls to a process bean, by bean name, or {@code null}
     * @param writable whether restart and kill are accessible
     * @param pageSize most entries listed per registry namespace
     * @param actionTimeout how long a restart waits for the supervisor
     * @param cluster the cluster this node belongs to, or {@code null} outside one
     */
    public OtpEndpoint(ProcessTreeInspector inspector, Supplier<Collection<Registry<?, ?>>> registries,
            Function<String, @Nullable StateMachineHandle<?>> stateMachines,
            Function<String, CallGuards.@Nullable GuardState> guards, ValueSanitizer sanitizer,
            BooleanSupplier writable, int pageSize, Duration actionTimeout, @Nullable ClusterView cluster) {
        this.inspector = inspector;
        this.registries = registries;
        this.stateMachines = stateMachines;
        this.guards = guards;
        this.sanitizer = sanitizer;
        this.writable = writable;
        this.pageSize = pageSize;
        this.actionTimeout = actionTimeout;
        this.cluster = cluster;
    }

    /** The node and its whole tree. */
    @ReadOperation
    public OtpDescriptor otp() {
        Node node = inspector.node();
        Instant started = node.startedAt();
        return new OtpDescriptor(node.name(), started.toString(), Duration.between(started, Instant.now()).toSeconds(),
                node.processCount(), node.deadLetters().count(), writable.getAsBoolean(), inspector.tree(),
                cluster == null ? null : cluster.describe());
    }

    /** {@code registry}: every namespace; anything else is not found. */
    @ReadOperation
    public @Nullable RegistryDescriptor section(@Selector String section, SecurityContext security) {
        if (!REGISTRY.equals(section)) {
            return null;
        }
        Map<String, RegistryDescriptor.Namespace> namespaces = new LinkedHashMap<>();
        for (Registry<?, ?> registry : registries.get()) {
            namespaces.putIfAbsent(registry.namespace(), namespace(registry, security));
        }
        return new RegistryDescriptor(namespaces);
    }

    private RegistryDescriptor.Namespace namespace(Registry<?, ?> registry, SecurityContext security) {
        int count = registry.count();
        List<RegistryDescriptor.Entry> entries = registry.entries(pageSize).stream()
                .map(entry -> new RegistryDescriptor.Entry(String.valueOf(entry.key()), entry.pid().toString(),
                        sanitizer.sanitize(String.valueOf(entry.key()), entry.value(), security)))
                .toList();
        String keys = registry.spec().keys() == Keys.UNIQUE ? "unique" : "duplicate";
        return new RegistryDescriptor.Namespace(keys, count, entries, entries.size() < count);
    }

    /**
     * {@code processes/{name}}: one process in detail; unknown names are not found. The name is the
     * rest of the path, so a per-key process whose key holds a {@code /} is reachable too.
     */
    @ReadOperation
    public @Nullable ProcessDescriptor process(@Selector String section,
            @Selector(match = Selector.Match.ALL_REMAINING) String[] name, SecurityContext security) {
        Located located = PROCESSES.equals(section) ? inspector.locate(String.join("/", name)) : null;
        return located == null ? null : describe(located, security);
    }

    private ProcessDescriptor describe(Located located, SecurityContext security) {
        Pid pid = located.pid();
        boolean alive = pid != null && pid.isAlive();
        ChildInfo child = located.child();
        ChildFailure failure = child == null ? null : child.lastFailure();
        String status = child != null ? ProcessTreeInspector.status(child) : alive ? "running"
                : ProcessTree.ROOT.equals(located.name()) ? "down" : "terminated";
        StateMachineHandle<?> machine = located.handle() instanceof StateMachineHandle<?> perKey ? perKey
                : stateMachines.apply(located.name());
        Object state = machine == null ? null : machine.state();
        return new ProcessDescriptor(located.name(), alive ? pid.toString() : null,
                located.type() == ChildType.SUPERVISOR ? "supervisor" : "worker", status, located.supervisorName(),
                alive ? inspector.node().mailboxSize(pid) : null, child == null ? null : child.restarts(),
                child == null ? null : child.recentRestarts(), failure == null ? null : CrashDescriptor.of(failure),
                StateNames.of(state), sanitizer.sanitize(located.name() + ".state", state, security),
                machine == null ? null : machine.recentTransitions().stream().map(OtpEndpoint::transition).toList(),
                guardOf(located));
    }

    /** A per-key process shares its bean's guard. */
    private CallGuards.@Nullable GuardState guardOf(Located located) {
        String bean = located.handle() != null ? located.supervisorName() : located.name();
        return bean == null ? null : guards.apply(bean);
    }

    private static TransitionDescriptor transition(StateChange<?> change) {
        return new TransitionDescriptor(StateNames.of(change.from()), StateNames.of(change.event()),
                StateNames.of(change.to()), change.at().toString());
    }

    /**
     * {@code processes/{name}} with {@code action}: {@code restart} stops the process as its shutdown
     * says and starts a fresh incarnation (not counted against its supervisor's intensity, and its
     * dependents are not restarted); {@code kill} kills it, and its supervisor reacts as to any crash.
     */
    @WriteOperation
    public WebEndpointResponse<ActionDescriptor> act(@Selector String section,
            @Selector(match = Selector.Match.ALL_REMAINING) String[] path, String action) {
        String name = String.join("/", path);
        Located located = PROCESSES.equals(section) ? inspector.locate(name) : null;
        if (located == null) {
            return refused(name, action, "no process named '" + name + "'", WebEndpointResponse.STATUS_NOT_FOUND);
        }
        if (inspector.isRoot(located)) {
            return refused(name, action, "the root supervisor has no supervisor to restart it; "
                    + "restart or stop the application instead", WebEndpointResponse.STATUS_BAD_REQUEST);
        }
        try {
            return switch (action) {
                case "restart" -> restart(located);
                case "kill" -> kill(located);
                default -> refused(name, action, "unknown action '" + action + "': use restart or kill",
                        WebEndpointResponse.STATUS_BAD_REQUEST);
            };
        }
        catch (CallTimeoutException busy) {
            return refused(name, action, "its supervisor did not finish within " + actionTimeout
                    + "; the restart may still complete", WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
        }
        catch (ExitException gone) {
            return refused(name, action, "its supervisor exited (" + gone.reason() + ")",
                    WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
        }
        catch (IllegalArgumentException | IllegalStateException refused) {
            return refused(name, action, refused.getMessage(), WebEndpointResponse.STATUS_BAD_REQUEST);
        }
    }

    private WebEndpointResponse<ActionDescriptor> restart(Located located) {
        Pid supervisor = located.supervisor();
        ChildInfo child = located.child();
        if (child == null || supervisor == null) {
            return refused(located.name(), "restart", "a process started on demand cannot be restarted on request; "
                    + "kill it, and its supervisor restarts it as its restart type says",
                    WebEndpointResponse.STATUS_BAD_REQUEST);
        }
        if (child.restart() == Restart.TEMPORARY) {
            return refused(located.name(), "restart", "a temporary process is forgotten once stopped, so it cannot "
                    + "be restarted", WebEndpointResponse.STATUS_BAD_REQUEST);
        }
        if (located.pid() != null) {
            Supervisor.terminateChild(supervisor, child.id(), actionTimeout);
        }
        Pid restarted = Supervisor.restartChild(supervisor, child.id(), actionTimeout);
        return new WebEndpointResponse<>(new ActionDescriptor(located.name(), "restart", restarted.toString(), null));
    }

    private WebEndpointResponse<ActionDescriptor> kill(Located located) {
        Pid pid = located.pid();
        if (pid == null || !pid.isAlive()) {
            return refused(located.name(), "kill", "'" + located.name() + "' is not running",
                    WebEndpointResponse.STATUS_BAD_REQUEST);
        }
        inspector.node().exit(pid, ExitReason.KILL);
        return new WebEndpointResponse<>(new ActionDescriptor(located.name(), "kill", null, null));
    }

    private static WebEndpointResponse<ActionDescriptor> refused(String name, String action, @Nullable String error,
            int status) {
        return new WebEndpointResponse<>(new ActionDescriptor(name, action, null, error), status);
    }
}
