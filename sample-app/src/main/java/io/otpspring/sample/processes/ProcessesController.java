package io.otpspring.sample.processes;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.supervision.ChildInfo;
import io.otpspring.core.supervision.DynamicSupervisor;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.spring.process.DynamicProcesses;
import io.otpspring.spring.process.ProcessTree;
import io.otpspring.spring.tree.TreeNode;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The live supervision tree, and crashes on demand to watch it heal. (A cart crashes at {@code /api/carts/{id}/crash}.) */
@RestController
class ProcessesController {

    private final Node node;
    private final ProcessTree tree;
    private final Map<String, Crashable> crashables;
    private final Set<String> dynamicSupervisors;

    /**
     * {@code crashables}: the process beans that can be crashed, by bean name (their process name);
     * {@code perKey}: the processes per key, each under a dynamic supervisor named after its bean.
     */
    ProcessesController(Node node, ProcessTree tree, Map<String, Crashable> crashables,
            List<DynamicProcesses<?>> perKey) {
        this.node = node;
        this.tree = tree;
        this.crashables = new TreeMap<>(crashables);
        this.dynamicSupervisors = perKey.stream().map(DynamicProcesses::name).collect(Collectors.toSet());
    }

    /**
     * The children of the root supervisor in start order, each with its current pid and restart
     * count, and for a dynamic supervisor the number of processes it runs.
     */
    @GetMapping("/api/processes")
    List<ProcessInfo> processes() {
        Map<String, Set<String>> dependencies = derivedDependencies();
        return Supervisor.whichChildren(node.named(ProcessTree.ROOT)).stream()
                .map(child -> ProcessInfo.of(child, dependencies.getOrDefault(child.id(), Set.of()), children(child)))
                .toList();
    }

    private @Nullable Integer children(ChildInfo child) {
        Pid pid = child.pid();
        return pid != null && dynamicSupervisors.contains(child.id())
                ? DynamicSupervisor.countChildren(pid).active() : null;
    }

    /** Makes the process crash: a call to a method that throws an exception it does not declare. */
    @PostMapping("/api/crash/{process}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Crashed crash(@PathVariable String process) {
        Crashable target = crashables.get(process);
        if (target == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "No process named '" + process + "' can be crashed; try one of " + crashables.keySet());
        }
        try {
            target.crash();
        }
        catch (ExitException exit) {
            if (!(exit.reason() instanceof ExitReason.Crash)) {
                throw exit;
            }
            return new Crashed(process, String.valueOf(exit.pid()), exit.reason().toString());
        }
        throw new IllegalStateException("process '" + process + "' did not crash");
    }

    private Map<String, Set<String>> derivedDependencies() {
        TreeNode.Branch root = tree.tree();
        return root == null ? Map.of() : root.children().stream()
                .collect(Collectors.toMap(TreeNode::name, TreeNode::dependsOn));
    }
}
