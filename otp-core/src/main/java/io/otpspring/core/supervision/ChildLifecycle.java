package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.List;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.process.SpawnOptions;
import io.otpspring.core.process.StartException;
import org.jspecify.annotations.Nullable;

/** Starting and stopping one incarnation of a child as its spec says: what every kind of supervisor does. */
final class ChildLifecycle {

    private ChildLifecycle() {
    }

    /**
     * Starts an incarnation of {@code spec} owned by the calling supervisor, succeeding the dead
     * {@code predecessor} (its name and, per the spec, its queued messages) if there is one, and
     * labelled {@code label} (what telemetry tags it with).
     *
     * @throws StartException when it fails to start, whatever the reason
     */
    static Pid start(ProcessContext supervisor, ChildSpec spec, @Nullable Pid predecessor, String label) {
        SpawnOptions options = SpawnOptions.defaults()
                .withName(spec.name())
                .withName(spec.via())
                .withMailbox(spec.mailbox())
                .withLabel(label)
                .withSupervisor(supervisor.self())
                .withPredecessor(predecessor, spec.mailboxOnRestart());
        try {
            return spec.start().start(supervisor.node(), options);
        }
        catch (StartException failure) {
            throw failure;
        }
        catch (Exception failure) {
            throw new StartException("child '" + spec.id() + "' failed to start", ExitReason.crash(failure));
        }
    }

    /**
     * Has the supervisor send itself {@code message} (its order to restart) after {@code delay}; as
     * {@code backoff} says, calls queued and arriving for the dead incarnations fail meanwhile.
     */
    static void restartLater(ProcessContext supervisor, RestartBackoff backoff, Duration delay, List<Pid> dead,
            Object message) {
        if (backoff.whileRestarting() == RestartBackoff.WhileRestarting.FAIL_CALLS) {
            dead.forEach(supervisor.node()::failPendingCalls);
        }
        supervisor.node().timers().sendAfter(supervisor.self(), message, delay);
    }

    /** Stops {@code pid} as {@code shutdown} says and waits until it has exited. */
    static void stop(Node node, Pid pid, Shutdown shutdown) {
        if (shutdown.isBrutalKill() || !node.stop(pid, ExitReason.SHUTDOWN, shutdown.timeout())) {
            kill(node, pid);
        }
    }

    /** Kills {@code pid} and waits until it has exited. */
    static void kill(Node node, Pid pid) {
        node.exit(pid, ExitReason.KILL);
        node.awaitExit(pid, null);
    }
}
