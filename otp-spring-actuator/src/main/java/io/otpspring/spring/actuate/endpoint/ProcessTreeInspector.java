package io.otpspring.spring.actuate.endpoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import io.otpspring.core.genserver.CallTimeoutException;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.registry.Entry;
import io.otpspring.core.registry.Registry;
import io.otpspring.core.supervision.ChildInfo;
import io.otpspring.core.supervision.ChildType;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.core.supervision.SupervisorReport;
import io.otpspring.spring.process.ProcessTree;
import org.jspecify.annotations.Nullable;

/**
 * Reads the live supervision tree: asks each supervisor for its {@link SupervisorReport}, from the
 * root down, and finds processes by name. Read-only; every answer is a snapshot.
 */
public final class ProcessTreeInspector {

    private final Node node;
    private final ProcessTree tree;
    private final Function<String, @Nullable Registry<Object, ?>> perKeyRegistries;
    private final int pageSize;
    private final Duration timeout;

    /**
     * @param perKeyRegistries the registry of a per-key process bean's keys, by bean name (which is
     *                         also its dynamic supervisor's name), or {@code null}
     * @param pageSize most children listed per dynamic supervisor
     * @param timeout how long to wait for each supervisor's report
     */
    public ProcessTreeInspector(Node node, ProcessTree tree,
            Function<String, @Nullable Registry<Object, ?>> perKeyRegistries, int pageSize, Duration timeout) {
        this.node = node;
        this.tree = tree;
        this.perKeyRegistries = perKeyRegistries;
        this.pageSize = pageSize;
        this.timeout = timeout;
    }

    /** The node this inspector reads. */
    public Node node() {
        return node;
    }

    /** The whole tree, from the root. */
    public ProcessNodeDescriptor tree() {
        Pid root = tree.root();
        if (root == null || !root.isAlive()) {
            return new ProcessNodeDescriptor(ProcessTree.ROOT, "supervisor", null, "down", null, 0, 0, null, false,
                    null, null);
        }
        return supervisor(ProcessTree.ROOT, root, null);
    }

    private ProcessNodeDescriptor supervisor(String name, Pid pid, @Nullable ChildInfo asChild) {
        int restarts = asChild == null ? 0 : asChild.restarts();
        SupervisorReport report;
        try {
            report = report(pid);
        }
        catch (CallTimeoutException busy) {
            return new ProcessNodeDescriptor(name, "supervisor", null, "unresponsive", pid.toString(), restarts, 0,
                    mailbox(pid), false, null, null);
        }
        catch (ExitException gone) {
            return new ProcessNodeDescriptor(name, "supervisor", null, "down", null, restarts, 0, null, false, null,
                    null);
        }
        List<ProcessNodeDescriptor> children = new ArrayList<>();
        int restarting = 0;
        for (ChildInfo child : report.children()) {
            String childName = !report.dynamic() ? child.id()
                    : child.pid() != null ? dynamicChildName(name, child.pid()) : name + "(restarting " + ++restarting + ")";
            children.add(child.type() == ChildType.SUPERVISOR && child.pid() != null
                    ? supervisor(childName, child.pid(), child) : worker(childName, child));
        }
        return new ProcessNodeDescriptor(name, "supervisor", report.strategy().name().toLowerCase(Locale.ROOT),
                "running", pid.toString(), restarts, report.recentRestarts(), mailbox(pid), report.dynamic(),
                report.counts().specs(), children);
    }

    private ProcessNodeDescriptor worker(String name, ChildInfo child) {
        Pid pid = child.pid();
        return new ProcessNodeDescriptor(name, child.type() == ChildType.SUPERVISOR ? "supervisor" : "worker", null,
                status(child), pid == null ? null : pid.toString(), child.restarts(), child.recentRestarts(),
                pid == null ? null : mailbox(pid), false, null, null);
    }

    /** All of a static supervisor's children (they are few, and fixed); a dynamic supervisor's first page. */
    private SupervisorReport report(Pid supervisor) {
        return Supervisor.report(supervisor, pageSize, timeout);
    }

    /** {@code bean[key]} when the per-key registry knows the pid's key, else the pid itself: names {@link #locate} finds. */
    private String dynamicChildName(String supervisor, Pid pid) {
        Registry<Object, ?> registry = perKeyRegistries.apply(supervisor);
        List<Object> keys = registry == null ? List.of() : registry.keys(pid);
        return keys.isEmpty() ? pid.toString() : supervisor + "[" + keys.getFirst() + "]";
    }

    private @Nullable Integer mailbox(Pid pid) {
        return pid.isAlive() ? node.mailboxSize(pid) : null;
    }

    static String status(ChildInfo child) {
        return child.status().name().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- finding one process

    /**
     * Finds a process by the name the tree shows: the root, a child of a static supervisor (by its
     * id, whether running or not), {@code bean[key]} for a per-key process, or a pid ({@code <node.id>}).
     */
    public @Nullable Located locate(String name) {
        Pid root = tree.root();
        if (ProcessTree.ROOT.equals(name)) {
            return root == null ? null : new Located(name, root.isAlive() ? root : null, ChildType.SUPERVISOR, null,
                    null, null, null);
        }
        Located found = root == null ? null : findChild(ProcessTree.ROOT, root, name);
        if (found == null) {
            found = perKeyProcess(name);
        }
        return found != null ? found : byPid(name);
    }

    private @Nullable Located findChild(String supervisorName, Pid supervisor, String name) {
        SupervisorReport report;
        try {
            report = report(supervisor);
        }
        catch (CallTimeoutException | ExitException unavailable) {
            return null;
        }
        if (report.dynamic()) {
            return null;
        }
        for (ChildInfo child : report.children()) {
            if (child.id().equals(name)) {
                return new Located(name, child.pid(), child.type(), child, supervisorName, supervisor, null);
            }
        }
        for (ChildInfo child : report.children()) {
            if (child.type() == ChildType.SUPERVISOR && child.pid() != null) {
                Located nested = findChild(child.id(), child.pid(), name);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private @Nullable Located perKeyProcess(String name) {
        int open = name.indexOf('[');
        if (open <= 0 || !name.endsWith("]")) {
            return null;
        }
        String bean = name.substring(0, open);
        String key = name.substring(open + 1, name.length() - 1);
        Registry<Object, ?> registry = perKeyRegistries.apply(bean);
        if (registry == null) {
            return null;
        }
        for (Object candidate : keyCandidates(key)) {
            for (Entry<Object, ?> entry : registry.lookup(candidate)) {
                return new Located(name, entry.pid(), ChildType.WORKER, null, bean, node.whereis(bean), entry.value());
            }
        }
        return null;
    }

    /**
     * The keys {@code text} may stand for, looked up directly (never by walking a million keys):
     * the text itself, and the number or UUID it spells.
     */
    private static List<Object> keyCandidates(String text) {
        List<Object> candidates = new ArrayList<>(List.of(text));
        try {
            long number = Long.parseLong(text);
            candidates.add(number);
            if (number == (int) number) {
                candidates.add((int) number);
            }
        }
        catch (NumberFormatException notANumber) {
            try {
                candidates.add(UUID.fromString(text));
            }
            catch (IllegalArgumentException notAUuid) {
                // a text key only
            }
        }
        return candidates;
    }

    /** Whether {@code located} is the root supervisor, however it was named. */
    public boolean isRoot(Located located) {
        Pid root = tree.root();
        return ProcessTree.ROOT.equals(located.name()) || (root != null && root.equals(located.pid()));
    }

    private @Nullable Located byPid(String name) {
        String prefix = "<" + node.name() + ".";
        if (!name.startsWith(prefix) || !name.endsWith(">")) {
            return null;
        }
        try {
            Pid pid = node.process(Long.parseLong(name.substring(prefix.length(), name.length() - 1)));
            return pid == null ? null : new Located(name, pid, ChildType.WORKER, null, null, null, null);
        }
        catch (NumberFormatException notAPid) {
            return null;
        }
    }

    /**
     * A process found by name.
     *
     * @param name the name it was found by
     * @param pid its running incarnation, or {@code null}
     * @param type worker or supervisor
     * @param child what its static supervisor reports of it, or {@code null} (the root, a dynamic
     *              child, a bare pid)
     * @param supervisorName its supervisor's name, when known
     * @param supervisor its supervisor, when known
     * @param handle what a per-key process is reached through (its proxy or state-machine handle), else {@code null}
     */
    public record Located(String name, @Nullable Pid pid, ChildType type, @Nullable ChildInfo child,
            @Nullable String supervisorName, @Nullable Pid supervisor, @Nullable Object handle) {
    }
}
