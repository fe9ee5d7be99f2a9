package io.otpspring.spring.actuate.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * root down on every check with one report per supervisor. A supervisor is
 * <ul>
 * <li>{@code UP} while it runs;</li>
 * <li>{@code OUT_OF_SERVICE} while its restarts within its intensity period reach the threshold
 * (a crash loop: it is near giving up);</li>
 * <li>{@code DOWN} when it is not running (its supervisor restarts it, or gave up), and for the
 * root once it gave up or before the tree started;</li>
 * <li>{@code UNKNOWN} when it does not answer in time (busy starting a child).</li>
 * </ul>
 * A dynamic supervisor speaks for its children, which are many and alike.
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
        List<HealthContributors.Entry> entries = new ArrayList<>();
        Pid root = tree.root();
        if (root == null || !root.isAlive()) {
            add(entries, ProcessTree.ROOT, Health.down().withDetail("reason", "the root supervisor is not running: "
                    + "it gave up after too many restarts, or the tree has not started").build());
        }
        else {
            addSupervisor(entries, ProcessTree.ROOT, root);
        }
        return entries.stream();
    }

    private void addSupervisor(List<HealthContributors.Entry> entries, String name, Pid pid) {
        SupervisorReport report;
        try {
            report = Supervisor.report(pid, 0, timeout);
        }
        catch (CallTimeoutException busy) {
            add(entries, name, Health.unknown().withDetail("pid", pid.toString())
                    .withDetail("reason", "did not answer within " + timeout + " (busy starting a child?)").build());
            return;
        }
        catch (ExitException gone) {
            add(entries, name, notRunning(name));
            return;
        }
        add(entries, name, health(pid, report));
        for (ChildInfo child : report.children()) {
            if (child.type() == ChildType.SUPERVISOR) {
                if (child.pid() != null) {
                    addSupervisor(entries, child.id(), child.pid());
                }
                else {
                    add(entries, child.id(), notRunning(child.id()));
                }
            }
        }
    }

    private Health health(Pid pid, SupervisorReport report) {
        Health.Builder health = report.recentRestarts() >= outOfServiceAt(report.intensity())
                ? Health.outOfService().withDetail("reason", "crash loop: " + report.recentRestarts()
                        + " restarts within " + report.period() + "; it gives up after " + report.intensity())
                : Health.up();
        return health.withDetail("pid", pid.toString())
                .withDetail("strategy", report.strategy().name().toLowerCase(Locale.ROOT))
                .withDetail("recentRestarts", report.recentRestarts())
                .withDetail("intensity", report.intensity())
                .withDetail("period", report.period().toString())
                .withDetail("children", report.counts().specs())
                .withDetail("running", report.counts().active())
                .build();
    }

    private int outOfServiceAt(int intensity) {
        return Math.max(1, (int) Math.ceil(restartThreshold * intensity));
    }

    private static Health notRunning(String name) {
        return Health.down().withDetail("reason", "'" + name + "' is not running: its supervisor restarts it, "
                + "or has given up").build();
    }

    private static void add(List<HealthContributors.Entry> entries, String name, Health health) {
        HealthIndicator indicator = () -> health;
        entries.add(new HealthContributors.Entry(name, indicator));
    }
}
