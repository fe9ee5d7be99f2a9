package io.otpspring.benchmarks;

import java.util.Objects;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/**
 * {@link IdleChildren} on otp-spring: a new node with an empty supervisor for every iteration,
 * stopped with reason {@code shutdown} (which stops every child) and then closed.
 */
public abstract class OtpChildren extends IdleChildren {

    Node node;
    @Nullable Pid supervisor;

    /** Starts the empty supervisor the benchmark fills, or none when the benchmark starts it with its children. */
    abstract @Nullable Pid startSupervisor(Node node);

    @Override
    void startParent() {
        node = Node.start("bench");
        supervisor = startSupervisor(node);
    }

    @Override
    long started() {
        return node.processCount() - 1;
    }

    @Override
    void stopAll() {
        node.stop(Objects.requireNonNull(supervisor, "no supervisor was started"), ExitReason.SHUTDOWN, null);
    }

    @Override
    String close() {
        int left = node.processCount();
        node.close();
        return ", " + left + " left";
    }
}
