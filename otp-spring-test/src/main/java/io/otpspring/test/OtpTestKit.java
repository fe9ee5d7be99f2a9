package io.otpspring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.VirtualTime;
import io.otpspring.core.registry.Registry;
import io.otpspring.core.supervision.DynamicSupervisor;
import io.otpspring.core.supervision.DynamicSupervisorSpec;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.core.supervision.SupervisorSpec;
import org.jspecify.annotations.Nullable;

/**
 * One test's view of a node: probes, faults, virtual time, and the supervisors it started.
 * {@link io.otpspring.test.junit.OtpTest @OtpTest} gives each test a kit on a node of its own and
 * calls {@link #shutDown} after it. In a Spring test, inject the kit of the application's node: the
 * context owns that node, and {@link io.otpspring.test.spring.OtpTestKitListener} calls
 * {@link #shutDown} after each test method.
 */
public final class OtpTestKit {

    private final Node node;
    private final @Nullable VirtualTime time;
    private final List<Pid> started = new ArrayList<>();
    private final List<TestProbe> probes = new ArrayList<>();

    private OtpTestKit(Node node, @Nullable VirtualTime time) {
        this.node = node;
        this.time = time;
    }

    /** A kit on {@code node}, a node the test does not own (the application's). */
    public static OtpTestKit forNode(Node node) {
        return new OtpTestKit(Objects.requireNonNull(node, "node"), null);
    }

    /** A kit on a new node named {@code name}, on virtual time when {@code time} is given. */
    public static OtpTestKit newNode(String name, @Nullable VirtualTime time) {
        return new OtpTestKit(time == null ? Node.start(name) : Node.start(name, time), time);
    }

    public Node node() {
        return node;
    }

    /** The node's virtual time: its timers and clock move when you {@link VirtualTime#advance advance} it. */
    public VirtualTime time() {
        if (time == null) {
            throw new IllegalStateException("this node runs on real time; use @OtpTest(virtualTime = true)");
        }
        return time;
    }

    /** A new probe on the node, killed by {@link #shutDown} (at the end of an {@code @OtpTest}). */
    public TestProbe probe() {
        return probe(TestProbe.DEFAULT_WAIT);
    }

    /** A new probe whose {@code expect} methods wait up to {@code wait}, killed by {@link #shutDown}. */
    public TestProbe probe(Duration wait) {
        TestProbe probe = TestProbe.spawn(node, wait);
        synchronized (probes) {
            probes.add(probe);
        }
        return probe;
    }

    /** The node's fault injection. */
    public Faults faults() {
        return Faults.on(node);
    }

    /** A registry namespace on the node, unique keys: a test's own, since the node is. */
    public <K, V> Registry<K, V> registry(String namespace) {
        return Registry.unique(node, namespace);
    }

    /** Starts a supervisor and its children; the kit shuts it down at the end of the test. */
    public Pid startSupervisor(SupervisorSpec spec) {
        return shutDownAtEnd(Supervisor.start(node, spec));
    }

    /** Starts a dynamic supervisor, with no children yet; the kit shuts it down (and them) at the end of the test. */
    public Pid startDynamicSupervisor(DynamicSupervisorSpec spec) {
        return shutDownAtEnd(DynamicSupervisor.start(node, spec));
    }

    private Pid shutDownAtEnd(Pid supervisor) {
        synchronized (started) {
            started.add(supervisor);
        }
        return supervisor;
    }

    /**
     * Shuts down what the test started through the kit, kills its probes, and returns the processes
     * still alive: those the test started otherwise and left running.
     */
    public List<Pid> shutDown(Duration timeout) {
        List<Pid> supervisors;
        synchronized (started) {
            supervisors = List.copyOf(started).reversed();
            started.clear();
        }
        for (Pid supervisor : supervisors) {
            if (!node.stop(supervisor, ExitReason.SHUTDOWN, timeout)) {
                node.exit(supervisor, ExitReason.KILL);
            }
        }
        synchronized (probes) {
            probes.forEach(probe -> node.exit(probe.pid(), ExitReason.KILL));
            probes.forEach(probe -> node.awaitExit(probe.pid(), timeout));
            probes.clear();
        }
        return node.processes().stream().filter(Pid::isAlive).toList();
    }
}
