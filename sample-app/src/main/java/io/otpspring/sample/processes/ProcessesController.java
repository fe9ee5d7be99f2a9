package io.otpspring.sample.processes;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.spring.process.ProcessTree;
import io.otpspring.spring.tree.TreeNode;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The live supervision tree, and crashes on demand to watch it heal. */
@RestController
class ProcessesController {

    private final Node node;
    private final ProcessTree tree;
    private final Map<String, Crashable> crashables;

    /** {@code crashables}: the process beans that can be crashed, by bean name (their process name). */
    ProcessesController(Node node, ProcessTree tree, Map<String, Crashable> crashables) {
        this.node = node;
        this.tree = tree;
        this.crashables = new TreeMap<>(crashables);
    }

    /** The children of the root supervisor in start order, each with its current pid and restart count. */
    @GetMapping("/api/processes")
    List<ProcessInfo> processes() {
        Map<String, Set<String>> dependencies = derivedDependencies();
        return Supervisor.whichChildren(node.named(ProcessTree.ROOT)).stream()
                .map(child -> ProcessInfo.of(child, dependencies.getOrDefault(child.id(), Set.of())))
                .toList();
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
