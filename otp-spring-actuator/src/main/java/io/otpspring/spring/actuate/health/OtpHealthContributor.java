package io.otpspring.spring.actuate.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.otpspring.core.genserver.CallTimeoutException;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.Pid;
import io.otpspring.core.supervision.ChildInfo;
import io.otpspring.core.supervision.ChildType;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.core.supervision.SupervisorReport;
import io.otpspring.spring.process.ProcessTree;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code otp} health contributor: a component per supervisor of the live tree, found from the
 * root down on every check, so the health shows the tree as it is. When the root has given up (or
 * the tree has not started), the only component is the root, {@code DOWN}.
 */
public final class OtpHealthContributor implements CompositeHealthContributor {

    private final ProcessTree tree;
    private final Duration timeout;
    private final double restartThreshold;

    /**
     * @param timeout how long to wait for each supervisor's answer
     * @param restartThreshold the share of a supervisor's intensity at which it is {@code OUT_OF_SERVICE}
     */
    public OtpHealthContributor(ProcessTree tree, Duration timeout, double restartThreshold) {
        this.tree = tree;
        this.timeout = timeout;
        this.restartThreshold = restartThreshold;
    }

    @Override
    public @Nullable HealthContributor getContributor(String name) {
        return stream().filter(entry -> entry.name().equals(name)).map(HealthContributors.Entry::contributor)
                .findFirst().orElse(null);
    }

    @Override
    public Stream<HealthContributors.Entry> stream() {
        Pid root = tree.root();
        if (root == null || !root.isAlive()) {
            HealthIndicator down = () -> Health.down().withDetail("reason", "the root supervisor is not running: "
                    + "it gave up after too many restarts, or the tree has not started").build();
            return Stream.of(new HealthContributors.Entry(ProcessTree.ROOT, down));
        }
        List<HealthContributors.Entry> entries = new ArrayList<>();
        addSupervisor(ProcessTree.ROOT, root, entries);
        return entries.stream();
    }

    private void addSupervisor(String name, Pid pid, List<HealthContributors.Entry> entries) {
        entries.add(new HealthContributors.Entry(name, new SupervisorHealthIndicator(pid,
                "'" + name + "' is not running: its supervisor restarts it, or has given up", timeout,
                restartThreshold)));
        List<ChildInfo> children;
        try {
            SupervisorReport counted = Supervisor.report(pid, 0, timeout);
            // a dynamic supervisor's children are many and alike: its own health speaks for them
            children = counted.dynamic() ? List.of() : Supervisor.report(pid, counted.counts().specs(), timeout).children();
        }
        catch (CallTimeoutException | ExitException unavailable) {
            return;
        }
        for (ChildInfo child : children) {
            if (child.type() == ChildType.SUPERVISOR && child.pid() != null) {
                addSupervisor(child.id(), child.pid(), entries);
            }
        }
    }
}
