package io.otpspring.spring.actuate.health;

import java.time.Duration;

import io.otpspring.core.genserver.CallTimeoutException;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.Pid;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.core.supervision.SupervisorReport;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * One supervisor's health: {@code UP} while it runs; {@code OUT_OF_SERVICE} while its restarts
 * within its intensity period reach the threshold (it is near giving up: a crash loop);
 * {@code DOWN} once it is not alive; {@code UNKNOWN} when it does not answer in time.
 */
final class SupervisorHealthIndicator implements HealthIndicator {

    private final Pid supervisor;
    private final String downReason;
    private final Duration timeout;
    private final double restartThreshold;

    SupervisorHealthIndicator(Pid supervisor, String downReason, Duration timeout, double restartThreshold) {
        this.supervisor = supervisor;
        this.downReason = downReason;
        this.timeout = timeout;
        this.restartThreshold = restartThreshold;
    }

    @Override
    public Health health() {
        SupervisorReport report;
        try {
            report = Supervisor.report(supervisor, 0, timeout);
        }
        catch (CallTimeoutException busy) {
            return Health.unknown().withDetail("pid", supervisor.toString())
                    .withDetail("reason", "did not answer within " + timeout + " (busy starting a child?)").build();
        }
        catch (ExitException gone) {
            return Health.down().withDetail("reason", downReason).build();
        }
        Health.Builder health = report.recentRestarts() >= outOfServiceAt(report.intensity())
                ? Health.outOfService().withDetail("reason", "crash loop: " + report.recentRestarts()
                        + " restarts within " + report.period() + "; it gives up after " + report.intensity())
                : Health.up();
        return health.withDetail("pid", supervisor.toString())
                .withDetail("strategy", report.strategy().name().toLowerCase(java.util.Locale.ROOT))
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
}
