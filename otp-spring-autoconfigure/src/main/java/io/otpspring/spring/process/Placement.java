package io.otpspring.spring.process;

import io.otpspring.core.supervision.Restart;
import io.otpspring.spring.annotation.Backoff;
import io.otpspring.spring.annotation.Supervised;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Where and how a process or supervisor bean sits in the tree, from its {@link Supervised @Supervised}.
 *
 * @param restart its restart type
 * @param shutdown its shutdown as written ({@code ""}: the default)
 * @param parent the {@code @Supervisor} class it runs under, or {@code null} for the root
 * @param backoff its restart backoff as annotated, or {@code null} for none
 */
record Placement(Restart restart, String shutdown, @Nullable Class<?> parent, @Nullable Backoff backoff) {

    static Placement of(Class<?> type) {
        Supervised supervised = AnnotatedElementUtils.findMergedAnnotation(type, Supervised.class);
        if (supervised == null) {
            return new Placement(Restart.PERMANENT, "", null, null);
        }
        return new Placement(supervised.restart(), supervised.shutdown(),
                supervised.parent() == void.class ? null : supervised.parent(),
                supervised.backoff().initial().isEmpty() ? null : supervised.backoff());
    }
}
