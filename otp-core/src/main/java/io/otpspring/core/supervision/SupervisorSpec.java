package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A supervisor's flags and children, as OTP's {@code init/1} result: restart strategy, restart
 * intensity (3 restarts in 5 seconds by default), automatic shutdown, and the children in start
 * order.
 *
 * @param strategy which children restart together
 * @param intensity the restarts allowed within {@code period} before the supervisor gives up
 * @param period the window of the restart intensity
 * @param autoShutdown whether significant children's exits stop the supervisor
 * @param children the children, started in this order and stopped in reverse
 */
public record SupervisorSpec(Strategy strategy, int intensity, Duration period, AutoShutdown autoShutdown,
        List<ChildSpec> children) {

    /** OTP's default intensity: 3 restarts ... */
    public static final int DEFAULT_INTENSITY = 3;

    /** ... within 5 seconds. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(5);

    public SupervisorSpec {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(autoShutdown, "autoShutdown");
        RestartIntensity.of(intensity, period);
        children = List.copyOf(children);
        Set<String> ids = new HashSet<>();
        for (ChildSpec child : children) {
            requireEarlier(child, ids);
            if (!ids.add(child.id())) {
                throw new IllegalArgumentException("duplicate child id '" + child.id() + "'");
            }
        }
    }

    /**
     * Checks that this supervisor may have {@code child}: a significant child needs an automatic
     * shutdown other than {@code NEVER}. Checked when the supervisor starts, so that the
     * {@code with…} methods may come in any order.
     */
    void requireAcceptable(ChildSpec child) {
        if (child.significant() && autoShutdown == AutoShutdown.NEVER) {
            throw new IllegalArgumentException("child '" + child.id()
                    + "' is significant, but the supervisor's auto-shutdown is NEVER");
        }
    }

    /**
     * Checks that {@code child} depends only on children started before it ({@code earlierIds}), so
     * that start order is a dependency order.
     */
    static void requireEarlier(ChildSpec child, Set<String> earlierIds) {
        for (String dependency : child.dependsOn()) {
            if (!earlierIds.contains(dependency)) {
                throw new IllegalArgumentException("child '" + child.id() + "' depends on '" + dependency
                        + "', which is not a child started before it; list dependencies first");
            }
        }
    }

    /** A {@code ONE_FOR_ONE} supervisor of {@code children}. */
    public static SupervisorSpec oneForOne(ChildSpec... children) {
        return of(Strategy.ONE_FOR_ONE, children);
    }

    /** A {@code ONE_FOR_ALL} supervisor of {@code children}. */
    public static SupervisorSpec oneForAll(ChildSpec... children) {
        return of(Strategy.ONE_FOR_ALL, children);
    }

    /** A {@code REST_FOR_ONE} supervisor of {@code children}. */
    public static SupervisorSpec restForOne(ChildSpec... children) {
        return of(Strategy.REST_FOR_ONE, children);
    }

    /** A supervisor with {@code strategy}, default intensity and no automatic shutdown. */
    public static SupervisorSpec of(Strategy strategy, ChildSpec... children) {
        return new SupervisorSpec(strategy, DEFAULT_INTENSITY, DEFAULT_PERIOD, AutoShutdown.NEVER, List.of(children));
    }

    /** The same supervisor allowing {@code intensity} restarts within {@code period}. */
    public SupervisorSpec withIntensity(int intensity, Duration period) {
        return new SupervisorSpec(strategy, intensity, period, autoShutdown, children);
    }

    /** The same supervisor with another automatic-shutdown rule. */
    public SupervisorSpec withAutoShutdown(AutoShutdown autoShutdown) {
        return new SupervisorSpec(strategy, intensity, period, autoShutdown, children);
    }
}
