package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A supervisor as {@link Supervisor#report} shows it: what observers and health checks read.
 *
 * @param dynamic whether it is a {@link DynamicSupervisor}
 * @param strategy its restart strategy ({@code ONE_FOR_ONE} for a dynamic supervisor)
 * @param intensity the restarts it allows within {@code period}
 * @param period its intensity period
 * @param recentRestarts the restarts it made within the period that ends now; one more than
 *                       {@code intensity} and it gives up
 * @param maxChildren a dynamic supervisor's limit on children, {@code null} for a static one
 * @param counts all its children counted
 * @param children the first of its children, in start order, up to the limit asked for
 */
public record SupervisorReport(boolean dynamic, Strategy strategy, int intensity, Duration period, int recentRestarts,
        @Nullable Integer maxChildren, ChildCounts counts, List<ChildInfo> children) {

    public SupervisorReport {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(counts, "counts");
        children = List.copyOf(children);
    }
}
