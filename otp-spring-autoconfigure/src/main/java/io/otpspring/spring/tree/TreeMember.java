package io.otpspring.spring.tree;

import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A process or supervisor bean as the derivation sees it.
 *
 * @param name the bean name
 * @param supervisor whether it is a supervisor (which may have children) rather than a process
 * @param parent the supervisor bean it runs under, or {@code null} for the root
 * @param dependsOn the process beans it depends on, directly or through ordinary beans
 */
public record TreeMember(String name, boolean supervisor, @Nullable String parent, Set<String> dependsOn) {

    public TreeMember {
        Objects.requireNonNull(name, "name");
        dependsOn = Set.copyOf(dependsOn);
    }

    /** A process bean. */
    public static TreeMember process(String name, @Nullable String parent, Set<String> dependsOn) {
        return new TreeMember(name, false, parent, dependsOn);
    }

    /** A supervisor bean. */
    public static TreeMember supervisor(String name, @Nullable String parent) {
        return new TreeMember(name, true, parent, Set.of());
    }
}
