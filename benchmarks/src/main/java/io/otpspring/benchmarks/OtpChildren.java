package io.otpspring.benchmarks;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;

/**
 * {@link IdleChildren} on otp-spring: a new node with an empty supervisor for every iteration,
 * stopped with reason {@code shutdown} (which stops every child) and then closed.
 */
public abstract class OtpChildren extends IdleChildren {

    Node node;
    Pid supervisor;

    /** Starts the empty supervisor the benchmark fills. */
    abstract Pid startSupervisor(Node node);

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
        node.stop(supervisor, ExitReason.SHUTDOWN, null);
    }

    @Override
    String close() {
        int left = node.processCount();
        node.close();
        return ", " + left + " left";
    }
}
