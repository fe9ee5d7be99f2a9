package io.otpspring.spring.process;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.NameTakenException;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.StartException;
import io.otpspring.core.process.Via;
import io.otpspring.core.registry.Entry;
import io.otpspring.core.registry.Registry;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.DynamicSupervisor;
import io.otpspring.core.supervision.StartResult;
import org.jspecify.annotations.Nullable;

/**
 * A process per key (per user, per cart, per order) from a prototype-scoped {@code @GenServer} or
 * {@code @GenStateMachine} bean: what other beans inject in place of that bean. Each process runs
 * under a dynamic supervisor named after the bean, built from the prototype with the arguments
 * given at start (and the same arguments on every restart), and registered by key in the
 * registry of the same name. Handles stay valid across restarts: they send by key.
 *
 * <pre>{@code
 * @GenServer @Scope("prototype")
 * class ShoppingCart { ShoppingCart(String owner, PricingService pricing) { ... } ... }
 *
 * ShoppingCart cart = carts.getOrStart("alice", "alice");   // DynamicProcesses<ShoppingCart> carts
 * cart.add("croissant");                                      // a call to alice's cart process
 * }</pre>
 *
 * @param <T> what a key's process is reached through: the bean's class for a {@code @GenServer}
 *            (a proxy), a {@link StateMachineHandle} for a {@code @GenStateMachine}
 */
public final class DynamicProcesses<T> {

    private final String name;
    private final Node node;
    private final Registry<Object, T> registry;
    private final BiFunction<Object, Via, T> handles;
    private final ChildSpecs<T> childSpecs;

    /** Makes the child spec of a key's process from the key, its constructor arguments and its handle. */
    @FunctionalInterface
    interface ChildSpecs<T> {
        ChildSpec of(Object key, Object[] arguments, T handle);
    }

    /** {@code handles} makes the handle of a key, reaching it through the given via name. */
    DynamicProcesses(String name, Node node, BiFunction<Object, Via, T> handles, ChildSpecs<T> childSpecs) {
        this.name = name;
        this.node = node;
        this.registry = Registry.unique(node, name);
        this.handles = handles;
        this.childSpecs = childSpecs;
    }

    /** The bean name: also the name of the dynamic supervisor and of the registry namespace. */
    public String name() {
        return name;
    }

    /** The registry of the running keys, the handle of each as its value. */
    public Registry<Object, T> registry() {
        return registry;
    }

    /**
     * Starts the process of {@code key}, building the prototype bean with {@code arguments}.
     *
     * @throws StartException when {@code key} has a process already, the supervisor runs its
     *         maximum of children, or the process fails to start
     */
    public T start(Object key, Object... arguments) {
        Objects.requireNonNull(key, "key");
        T handle = handles.apply(key, registry.via(key));
        ChildSpec spec = childSpecs.of(key, arguments.clone(), handle).withName(registry.via(key, handle));
        StartResult result = DynamicSupervisor.startChild(node.named(name), spec);
        if (result instanceof StartResult.Failed failed && failed.reason() instanceof ExitReason.Crash crash
                && crash.cause() instanceof NameTakenException taken) {
            throw new StartException("key '" + key + "' of '" + name + "' has a process already, " + taken.holder(),
                    failed.reason());
        }
        result.orElseThrow();
        return handle;
    }

    /** The process of {@code key}, started with {@code arguments} if it has none. */
    public T getOrStart(Object key, Object... arguments) {
        Optional<T> running = find(key);
        if (running.isPresent()) {
            return running.get();
        }
        try {
            return start(key, arguments);
        }
        catch (StartException lost) {
            return find(key).orElseThrow(() -> lost);
        }
    }

    /** The handle of {@code key}'s process, if it runs. */
    public Optional<T> find(Object key) {
        List<Entry<Object, T>> entries = registry.lookup(key);
        return entries.isEmpty() ? Optional.empty() : Optional.ofNullable(entries.get(0).value());
    }

    /**
     * A handle to {@code key}'s process; calls through it exit with {@code noproc} while it has none.
     * For a key that is not running, a state machine's handle keeps no trail of a later start: use
     * the one {@link #start} returns, or {@link #find} it.
     */
    public T get(Object key) {
        return find(key).orElseGet(() -> handles.apply(key, registry.via(key)));
    }

    /** The pid of {@code key}'s process, or {@code null}. */
    public @Nullable Pid whereis(Object key) {
        return registry.whereis(key);
    }

    /**
     * Stops {@code key}'s process as its shutdown says; it is not restarted.
     *
     * @return whether it had one
     */
    public boolean stop(Object key) {
        Pid pid = registry.whereis(key);
        return pid != null && DynamicSupervisor.terminateChild(node.named(name), pid);
    }

    /** The keys with a running process. */
    public List<Object> keys() {
        return registry.entries().stream().map(Entry::key).toList();
    }

    /** How many keys have a running process. */
    public int count() {
        return registry.count();
    }

    @Override
    public String toString() {
        return "processes '" + name + "' by key";
    }
}
