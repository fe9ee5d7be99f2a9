package io.otpspring.test;

import java.time.Duration;

import io.otpspring.core.process.Pid;
import io.otpspring.core.supervision.ChildInfo;
import io.otpspring.core.supervision.ChildType;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.core.supervision.SupervisorReport;
import org.jspecify.annotations.Nullable;

/**
 * A supervision tree as text, for failure messages (only supervisors are asked for reports: any
 * other process could take the question for a message it must crash on).
 */
final class TreeDump {

    private static final Duration REPORT_TIMEOUT = Duration.ofMillis(500);

    private TreeDump() {
    }

    /** The tree under {@code supervisor}, as it is now. */
    static String under(@Nullable Pid supervisor) {
        if (supervisor == null) {
            return "the supervisor is not running";
        }
        StringBuilder text = new StringBuilder("the tree under ").append(supervisor).append(':');
        tree(text, supervisor, "  ");
        return text.toString();
    }

    private static void tree(StringBuilder text, Pid supervisor, String indent) {
        SupervisorReport report;
        try {
            report = Supervisor.report(supervisor, 20, REPORT_TIMEOUT);
        }
        catch (RuntimeException unavailable) {
            text.append('\n').append(indent).append("(no report: ").append(unavailable.getMessage()).append(')');
            return;
        }
        text.append('\n').append(indent).append(report.strategy()).append(", restarts within the period: ")
                .append(report.recentRestarts()).append('/').append(report.intensity());
        for (ChildInfo child : report.children()) {
            text.append('\n').append(indent).append("- ").append(child.id()).append(' ').append(child.status())
                    .append(' ').append(child.pid()).append(" restarts=").append(child.restarts());
            if (child.lastFailure() != null) {
                text.append(" lastFailure=").append(child.lastFailure().reason());
            }
            if (child.type() == ChildType.SUPERVISOR && child.pid() != null) {
                tree(text, child.pid(), indent + "  ");
            }
        }
    }
}
