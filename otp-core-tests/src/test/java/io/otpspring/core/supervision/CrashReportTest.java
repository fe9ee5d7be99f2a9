package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.test.OtpTestKit;
import io.otpspring.test.junit.OtpTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import static io.otpspring.test.OtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisors' crash reports (through {@code System.Logger}, here {@code java.util.logging}):
 * what they say, and that a restart does not wait for them.
 */
@OtpTest
@ResourceLock("io.otpspring.core.supervision logger")
class CrashReportTest {

    private static final Logger REPORTS = Logger.getLogger("io.otpspring.core.supervision");

    /** A report, and who held the child's name while it was being written. */
    record Report(Level level, String message, @Nullable Throwable thrown, @Nullable Pid nameHolder) {
    }

    private final List<Report> reports = new CopyOnWriteArrayList<>();
    private @Nullable Level levelBefore;
    private boolean parentHandlersBefore;
    private @Nullable Handler capture;

    @BeforeEach
    void captureReports(Node node) {
        capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                reports.add(new Report(record.getLevel(), record.getMessage(), record.getThrown(), node.whereis("b")));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        levelBefore = REPORTS.getLevel();
        parentHandlersBefore = REPORTS.getUseParentHandlers();
        REPORTS.setLevel(Level.ALL);
        REPORTS.setUseParentHandlers(false);
        REPORTS.addHandler(capture);
    }

    @AfterEach
    void restoreLogger() {
        REPORTS.removeHandler(capture);
        REPORTS.setUseParentHandlers(parentHandlersBefore);
        REPORTS.setLevel(levelBefore);
    }

    /** This test's reports: other tests' supervisors crash things too. */
    private List<Report> reportsOf(Pid supervisor) {
        return reports.stream().filter(report -> report.message().contains("supervisor " + supervisor)).toList();
    }

    @Test
    void aCrashIsReportedWithItsCauseOnceTheChildIsRestarted(OtpTestKit kit) {
        Events events = new Events();
        Pid sup = kit.startSupervisor(SupervisorSpec.oneForOne(RecordingServer.child("b", events).withName("b")));
        Pid before = kit.node().whereis("b");

        GenServer.cast(before, new RecordingServer.Crash());

        assertThat(before).eventually().isDead();
        Report report = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> reportsOf(sup), found -> !found.isEmpty()).getFirst();
        assertThat(report.level()).isEqualTo(Level.WARNING);
        assertThat(report.message()).contains("child 'b' " + before + " exited");
        assertThat(report.thrown()).isInstanceOf(IllegalStateException.class);
        assertThat(report.nameHolder()).as("the successor already holds the name while the report is written")
                .isNotNull().isNotEqualTo(before);
    }

    @Test
    void givingUpIsReportedAfterTheCrashThatExceededTheIntensity(OtpTestKit kit) {
        Pid sup = Supervisor.start(kit.node(), SupervisorSpec.oneForOne(RecordingServer.child("b", new Events())
                .withName("b")).withIntensity(0, Duration.ofSeconds(30)));

        GenServer.cast(kit.node().whereis("b"), new RecordingServer.Crash());

        assertThat(sup).eventually().hasExitedWith(ExitReason.shutdown("reached_max_restart_intensity"));
        assertThat(reportsOf(sup)).extracting(Report::level).containsExactly(Level.WARNING, Level.SEVERE);
        assertThat(reportsOf(sup).getLast().message()).contains("gave up: more than 0 restarts within PT30S");
    }
}
