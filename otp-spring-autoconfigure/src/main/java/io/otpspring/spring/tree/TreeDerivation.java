package io.otpspring.spring.tree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Derives an application's supervision tree from its process and supervisor beans:
 * <ul>
 * <li>every member sits under its parent supervisor, or under the root;</li>
 * <li>among siblings, a member depends on another when a process in its subtree depends on a
 * process in the other's; it starts after it, stops before it, and (under the default
 * {@code DEPENDENTS_FOR_ONE} strategy) restarts whenever it restarts;</li>
 * <li>siblings keep their definition order wherever dependencies allow.</li>
 * </ul>
 * Pure: no Spring, no processes. Rejects a parent that is no supervisor and any cycle, with a
 * message naming the beans and the fix.
 */
public final class TreeDerivation {

    private final Map<String, TreeMember> members = new LinkedHashMap<>();
    /** The members under each supervisor (the root's under {@code null}), in definition order. */
    private final Map<@Nullable String, List<TreeMember>> children = new HashMap<>();
    private final Map<String, Set<String>> subtrees = new HashMap<>();

    private TreeDerivation(List<TreeMember> members) {
        for (TreeMember member : members) {
            if (this.members.put(member.name(), member) != null) {
                throw new IllegalArgumentException("two tree members are named '" + member.name() + "'");
            }
            children.computeIfAbsent(member.parent(), parent -> new ArrayList<>()).add(member);
        }
    }

    /**
     * The tree of {@code members} under a root supervisor named {@code rootName}.
     *
     * @throws IllegalArgumentException for a parent that is no supervisor, supervisors nested in a
     *         cycle, or processes depending on each other in a cycle
     */
    public static TreeNode.Branch derive(String rootName, List<TreeMember> members) {
        TreeDerivation derivation = new TreeDerivation(members);
        derivation.requireParentsAreSupervisors();
        derivation.requireNoProcessCycle();
        return new TreeNode.Branch(rootName, derivation.childrenOf(null, rootName), Set.of());
    }

    private void requireParentsAreSupervisors() {
        for (TreeMember member : members.values()) {
            String parent = member.parent();
            if (parent == null) {
                continue;
            }
            TreeMember supervisor = members.get(parent);
            if (supervisor == null || !supervisor.supervisor()) {
                throw new IllegalArgumentException("bean '" + member.name() + "' is placed under '" + parent
                        + "', which is not a @Supervisor bean; point @Supervised(parent = …) at a @Supervisor class");
            }
        }
        // every parent is a member now, so the chains can be walked
        for (TreeMember member : members.values()) {
            String parent = member.parent();
            List<String> chain = new ArrayList<>(List.of(member.name()));
            for (String up = parent; up != null; up = members.get(up).parent()) {
                if (chain.contains(up)) {
                    chain.add(up);
                    throw new IllegalArgumentException("supervisors are nested in a cycle: " + String.join(" under ", chain)
                            + "; every chain of @Supervised(parent = …) must end at the root");
                }
                chain.add(up);
            }
        }
    }

    private void requireNoProcessCycle() {
        Set<String> done = new HashSet<>();
        for (String name : members.keySet()) {
            List<String> cycle = findCycle(name, new ArrayList<>(), done);
            if (cycle != null) {
                throw new IllegalArgumentException("process beans depend on each other in a cycle: "
                        + String.join(" -> ", cycle) + ". A process starts after what it depends on and restarts with "
                        + "it, so a cycle has no order; let one of them look the other up when needed "
                        + "(ObjectProvider<…>) or send it a message instead of injecting it");
            }
        }
    }

    private @Nullable List<String> findCycle(String name, List<String> path, Set<String> done) {
        int seen = path.indexOf(name);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(name);
            return cycle;
        }
        if (done.contains(name) || !members.containsKey(name)) {
            return null;
        }
        path.add(name);
        for (String dependency : members.get(name).dependsOn()) {
            List<String> cycle = findCycle(dependency, path, done);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(name);
        return null;
    }

    private List<TreeNode> childrenOf(@Nullable String parent, String parentLabel) {
        List<TreeMember> siblings = children.getOrDefault(parent, List.of());
        Map<String, String> siblingOf = new HashMap<>();
        for (TreeMember sibling : siblings) {
            for (String process : subtree(sibling.name())) {
                siblingOf.put(process, sibling.name());
            }
        }
        Map<String, Set<String>> siblingDependencies = new LinkedHashMap<>();
        for (TreeMember sibling : siblings) {
            Set<String> on = new LinkedHashSet<>();
            for (String process : subtree(sibling.name())) {
                for (String dependency : members.get(process).dependsOn()) {
                    String other = siblingOf.get(dependency);
                    if (other != null && !other.equals(sibling.name())) {
                        on.add(other);
                    }
                }
            }
            siblingDependencies.put(sibling.name(), on);
        }
        List<TreeNode> ordered = new ArrayList<>();
        for (String name : startOrder(siblingDependencies, parentLabel)) {
            TreeMember member = members.get(name);
            Set<String> dependsOn = siblingDependencies.get(name);
            ordered.add(member.supervisor() ? new TreeNode.Branch(name, childrenOf(name, name), dependsOn)
                    : new TreeNode.Process(name, dependsOn));
        }
        return ordered;
    }

    /**
     * Siblings in definition order, each moved after those it depends on: a topological order that
     * always places the earliest-defined sibling whose dependencies are placed.
     */
    private static List<String> startOrder(Map<String, Set<String>> dependencies, String parentLabel) {
        List<String> names = new ArrayList<>(dependencies.keySet());
        Map<String, Integer> position = new HashMap<>();
        Map<String, Integer> waitingFor = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            position.put(name, i);
            waitingFor.put(name, dependencies.get(name).size());
            for (String dependency : dependencies.get(name)) {
                dependents.computeIfAbsent(dependency, key -> new ArrayList<>()).add(name);
            }
        }
        PriorityQueue<String> ready = new PriorityQueue<>(Comparator.comparing(position::get));
        names.stream().filter(name -> waitingFor.get(name) == 0).forEach(ready::add);
        List<String> order = new ArrayList<>(names.size());
        while (!ready.isEmpty()) {
            String next = ready.poll();
            order.add(next);
            for (String dependent : dependents.getOrDefault(next, List.of())) {
                if (waitingFor.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (order.size() < names.size()) {
            List<String> stuck = names.stream().filter(name -> !order.contains(name)).toList();
            throw new IllegalArgumentException("the children " + stuck + " of '" + parentLabel + "' depend on each "
                    + "other through the processes they supervise; move those processes so that dependencies "
                    + "between these supervisors point one way");
        }
        return order;
    }

    /** The process beans in the subtree of {@code name}: itself for a process, its descendants for a supervisor. */
    private Set<String> subtree(String name) {
        Set<String> known = subtrees.get(name);
        if (known != null) {
            return known;
        }
        Set<String> processes = new HashSet<>();
        if (!members.get(name).supervisor()) {
            processes.add(name);
        }
        for (TreeMember child : children.getOrDefault(name, List.of())) {
            processes.addAll(subtree(child.name()));
        }
        subtrees.put(name, processes);
        return processes;
    }
}
