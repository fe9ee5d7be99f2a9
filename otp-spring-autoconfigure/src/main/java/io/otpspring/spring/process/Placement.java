package io.otpspring.spring.process;

import io.otpspring.core.supervision.Restart;
import io.otpspring.spring.annotation.Supervised;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Where and how a process or supervisor bean sits in the tree, from its {@link Supervised @Supervised}.
 *
 * @param restart its restart type
 * @param shutdown its shutdown as written ({@code ""}: the default)
 * @param parent the {@code @Supervisor} class it runs under, or {@code null} for the root
 */
record Placement(Restart restart, String shutdown, @Nullable Class<?> parent) {

    static Placement of(Class<?> type) {
        Supervised supervised = AnnotatedElementUtils.findMergedAnnotation(type, Supervised.class);
        if (supervised == null) {
            return new Placement(Restart.PERMANENT, "", null);
        }
        return new Placement(supervised.restart(), supervised.shutdown(),
                supervised.parent() == void.class ? null : supervised.parent());
    }
}
