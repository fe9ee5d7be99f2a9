package io.otpspring.spring.tree;

import java.util.List;
import java.util.Set;

/** A node of the derived tree: a process (leaf) or a supervisor with its children in start order. */
public sealed interface TreeNode {

    /** The bean name. */
    String name();

    /** The siblings it depends on: it starts after them, stops before them and restarts when they do. */
    Set<String> dependsOn();

    /** A process bean. */
    record Process(String name, Set<String> dependsOn) implements TreeNode {
        public Process {
            dependsOn = Set.copyOf(dependsOn);
        }
    }

    /** A supervisor, with its children in start order (every child after the siblings it depends on). */
    record Branch(String name, List<TreeNode> children, Set<String> dependsOn) implements TreeNode {
        public Branch {
            children = List.copyOf(children);
            dependsOn = Set.copyOf(dependsOn);
        }
    }
}
