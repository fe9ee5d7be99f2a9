package io.otpspring.spring.metrics;

import java.util.List;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.otpspring.core.process.DeadLetters;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;

/**
 * The meters of one node:
 * <ul>
 * <li>{@code otp.processes}: live processes (gauge);</li>
 * <li>{@code otp.process.mailbox.size}: queued messages per named process, tag {@code process} (gauge);</li>
 * <li>{@code otp.dead.letters}: messages that reached no handler (counter);</li>
 * <li>{@code otp.process.crashes}: crashes of a process's own code, tags {@code process} and
 * {@code exception} (counter);</li>
 * <li>{@code otp.supervisor.restarts}: restarts, tags {@code supervisor} and {@code child} (counter).</li>
 * </ul>
 * Tags are names, labels and child ids, never keys or pids: a per-key process is tagged with its bean name.
 */
public final class ProcessMeters implements MeterBinder {

    private final Node node;
    private final Supplier<List<String>> namedProcesses;
    /** The registries this binder was bound to: event counters go to all of them. */
    private final CompositeMeterRegistry eventRegistries = new CompositeMeterRegistry();

    /** {@code namedProcesses}: the registered names to publish mailbox sizes for. */
    public ProcessMeters(Node node, Supplier<List<String>> namedProcesses) {
        this.node = node;
        this.namedProcesses = namedProcesses;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("otp.processes", node, Node::processCount)
                .description("Live processes")
                .register(registry);
        for (String name : namedProcesses.get()) {
            Gauge.builder("otp.process.mailbox.size", () -> mailboxSize(name))
                    .description("Messages waiting in a named process's mailbox (NaN while it is not running)")
                    .tag("process", name)
                    .register(registry);
        }
        FunctionCounter.builder("otp.dead.letters", node.deadLetters(), DeadLetters::count)
                .description("Messages that reached no handler")
                .register(registry);
        eventRegistries.add(registry);
    }

    private double mailboxSize(String name) {
        Pid pid = node.whereis(name);
        return pid == null ? Double.NaN : node.mailboxSize(pid);
    }

    /** Counts a crash of the process labelled {@code label}. */
    public void processCrashed(String label, Throwable cause) {
        Counter.builder("otp.process.crashes")
                .description("Crashes of a process's own code: init, a handler or terminate threw")
                .tag("process", label)
                .tag("exception", cause.getClass().getSimpleName())
                .register(eventRegistries)
                .increment();
    }

    /** Counts a restart of {@code child} by the supervisor labelled {@code supervisor}. */
    public void childRestarted(String supervisor, String child) {
        Counter.builder("otp.supervisor.restarts")
                .description("Children started again by their supervisor after an exit")
                .tag("supervisor", supervisor)
                .tag("child", child)
                .register(eventRegistries)
                .increment();
    }
}
