package io.otpspring.spring.tree;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link TreeDerivation} as a pure function: nesting under supervisors, start order from
 * dependencies (definition order otherwise), and the misuse it rejects with a message naming the
 * beans.
 */
class TreeDerivationTest {

    private static final String ROOT = "otp.root";

    private static TreeMember process(String name, String... dependsOn) {
        return TreeMember.process(name, null, Set.of(dependsOn));
    }

    private static TreeMember processUnder(String parent, String name, String... dependsOn) {
        return TreeMember.process(name, parent, Set.of(dependsOn));
    }

    private static List<String> names(TreeNode.Branch branch) {
        return branch.children().stream().map(TreeNode::name).toList();
    }

    private static TreeNode child(TreeNode.Branch branch, String name) {
        return branch.children().stream().filter(node -> node.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void withoutDependenciesTheDefinitionOrderIsKept() {
        TreeNode.Branch tree = TreeDerivation.derive(ROOT, List.of(process("c"), process("a"), process("b")));

        assertThat(tree.name()).isEqualTo(ROOT);
        assertThat(names(tree)).containsExactly("c", "a", "b");
        assertThat(tree.children()).allSatisfy(node -> {
            assertThat(node).isInstanceOf(TreeNode.Process.class);
            assertThat(node.dependsOn()).isEmpty();
        });
    }

    @Test
    void aDependentMovesAfterItsDependencyAndTheRestKeepTheirOrder() {
        TreeNode.Branch tree = TreeDerivation.derive(ROOT,
                List.of(process("inventory", "pricing"), process("audit"), process("pricing"), process("mail")));

        assertThat(names(tree)).containsExactly("audit", "pricing", "inventory", "mail");
        assertThat(child(tree, "inventory").dependsOn()).containsExactly("pricing");
    }

    @Test
    void transitiveChainsStartInDependencyOrder() {
        TreeNode.Branch tree = TreeDerivation.derive(ROOT,
                List.of(process("shipping", "checkout"), process("checkout", "inventory"), process("inventory", "pricing"),
                        process("pricing")));

        assertThat(names(tree)).containsExactly("pricing", "inventory", "checkout", "shipping");
        assertThat(child(tree, "shipping").dependsOn()).containsExactly("checkout");
    }

    @Test
    void dependenciesOnBeansThatAreNoMembersAreIgnored() {
        TreeNode.Branch tree = TreeDerivation.derive(ROOT, List.of(process("a", "somewhereElse"), process("b")));

        assertThat(names(tree)).containsExactly("a", "b");
        assertThat(child(tree, "a").dependsOn()).isEmpty();
    }

    @Test
    void aCycleAmongProcessesIsRejectedNamingTheCycle() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TreeDerivation.derive(ROOT,
                        List.of(process("audit"), process("a", "b"), process("b", "c"), process("c", "a"))))
                .withMessageContaining("cycle")
                .withMessageContaining("a -> b -> c -> a")
                .withMessageNotContaining("audit")
                .withMessageContaining("ObjectProvider");
    }

    @Test
    void aProcessDependingOnItselfIsACycle() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TreeDerivation.derive(ROOT, List.of(process("loop", "loop"))))
                .withMessageContaining("loop -> loop");
    }

    @Test
    void aParentThatIsAProcessIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TreeDerivation.derive(ROOT,
                        List.of(process("pricing"), processUnder("pricing", "inventory"))))
                .withMessageContaining("'inventory'")
                .withMessageContaining("'pricing'")
                .withMessageContaining("not a @Supervisor");
    }

    @Test
    void aParentThatIsNoMemberIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TreeDerivation.derive(ROOT, List.of(processUnder("missing", "inventory"))))
                .withMessageContaining("'inventory'")
                .withMessageContaining("'missing'")
                .withMessageContaining("not a @Supervisor");
    }

    @Test
    void aSupervisorUnderAMissingParentIsRejectedWhateverTheDefinitionOrder() {
        // the process is checked first, and its chain of parents leads to a parent that does not exist
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TreeDerivation.derive(ROOT, List.of(processUnder("backoffice", "reports"),
                        TreeMember.supervisor("backoffice", "missing"))))
                .withMessageContaining("'backoffice'")
                .withMessageContaining("'missing'")
                .withMessageContaining("not a @Supervisor");
    }

    @Test
    void supervisorsNestedInACycleAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TreeDerivation.derive(ROOT, List.of(TreeMember.supervisor("east", "west"),
                        TreeMember.supervisor("west", "east"), processUnder("east", "reports"))))
                .withMessageContaining("nested in a cycle")
                .withMessageContaining("east under west under east");
    }

    @Test
    void aSupervisorUnderItselfIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TreeDerivation.derive(ROOT, List.of(TreeMember.supervisor("self", "self"))))
                .withMessageContaining("self under self");
    }

    @Test
    void twoMembersWithOneNameAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TreeDerivation.derive(ROOT, List.of(process("twin"), TreeMember.supervisor("twin", null))))
                .withMessageContaining("'twin'");
    }

    @Test
    void processesNestUnderTheirSupervisors() {
        TreeNode.Branch tree = TreeDerivation.derive(ROOT, List.of(TreeMember.supervisor("backoffice", null),
                TreeMember.supervisor("reporting", "backoffice"), processUnder("reporting", "reports"),
                processUnder("backoffice", "ledger"), process("pricing")));

        assertThat(names(tree)).containsExactly("backoffice", "pricing");
        TreeNode.Branch backoffice = (TreeNode.Branch) child(tree, "backoffice");
        assertThat(names(backoffice)).containsExactly("reporting", "ledger");
        TreeNode.Branch reporting = (TreeNode.Branch) child(backoffice, "reporting");
        assertThat(names(reporting)).containsExactly("reports");
        assertThat(child(reporting, "reports")).isInstanceOf(TreeNode.Process.class);
    }

    @Test
    void anEmptySupervisorIsABranchWithoutChildren() {
        TreeNode.Branch tree = TreeDerivation.derive(ROOT, List.of(TreeMember.supervisor("idle", null)));

        assertThat(child(tree, "idle")).isInstanceOfSatisfying(TreeNode.Branch.class,
                idle -> assertThat(idle.children()).isEmpty());
    }

    @Test
    void siblingsUnderASupervisorAreOrderedByTheDependenciesOfTheirSubtrees() {
        // reporting (a supervisor) holds reports, which depends on ledger: reporting starts after ledger
        TreeNode.Branch tree = TreeDerivation.derive(ROOT, List.of(TreeMember.supervisor("backoffice", null),
                TreeMember.supervisor("reporting", "backoffice"), processUnder("reporting", "reports", "ledger"),
                processUnder("backoffice", "ledger")));

        TreeNode.Branch backoffice = (TreeNode.Branch) child(tree, "backoffice");
        assertThat(names(backoffice)).containsExactly("ledger", "reporting");
        assertThat(child(backoffice, "reporting").dependsOn()).containsExactly("ledger");
        assertThat(child(backoffice, "ledger").dependsOn()).isEmpty();
    }

    @Test
    void aSupervisorStartsAfterWhatItsProcessesDependOnAndBeforeWhatDependsOnThem() {
        TreeNode.Branch tree = TreeDerivation.derive(ROOT, List.of(process("checkout", "reports"),
                TreeMember.supervisor("backoffice", null), processUnder("backoffice", "reports", "pricing"),
                process("pricing")));

        assertThat(names(tree)).containsExactly("pricing", "backoffice", "checkout");
        assertThat(child(tree, "backoffice").dependsOn()).containsExactly("pricing");
        assertThat(child(tree, "checkout").dependsOn()).containsExactly("backoffice");
    }

    @Test
    void dependenciesInsideOneSubtreeDoNotOrderItsSiblings() {
        TreeNode.Branch tree = TreeDerivation.derive(ROOT, List.of(process("audit"),
                TreeMember.supervisor("backoffice", null), processUnder("backoffice", "reports", "ledger"),
                processUnder("backoffice", "ledger")));

        assertThat(names(tree)).containsExactly("audit", "backoffice");
        assertThat(child(tree, "backoffice").dependsOn()).isEmpty();
        assertThat(names((TreeNode.Branch) child(tree, "backoffice"))).containsExactly("ledger", "reports");
    }

    @Test
    void aDependencyCycleAcrossSupervisorsIsRejected() {
        // no process cycle, but east depends on west (a -> b) and west on east (b -> c)
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TreeDerivation.derive(ROOT, List.of(TreeMember.supervisor("east", null),
                        TreeMember.supervisor("west", null), processUnder("east", "a", "b"), processUnder("west", "b", "c"),
                        processUnder("east", "c"))))
                .withMessageContaining("east")
                .withMessageContaining("west")
                .withMessageContaining("'" + ROOT + "'")
                .withMessageContaining("depend on each other");
    }

    @Test
    void aDependencyCycleAcrossNestedSupervisorsNamesTheirParent() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TreeDerivation.derive(ROOT, List.of(TreeMember.supervisor("backoffice", null),
                        TreeMember.supervisor("east", "backoffice"), TreeMember.supervisor("west", "backoffice"),
                        processUnder("east", "a", "b"), processUnder("west", "b", "c"), processUnder("east", "c"))))
                .withMessageContaining("[east, west]")
                .withMessageContaining("'backoffice'");
    }
}
