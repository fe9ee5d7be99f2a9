package io.otpspring.cluster.placement;

import io.otpspring.core.process.DeadLetter;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessRef;
import org.jspecify.annotations.Nullable;

/** A key of a distributed supervisor as a process reference: looked up on every use, so it follows the key. */
record KeyRef(DistributedSupervisor<?> supervisor, Node node, String key) implements ProcessRef {

    @Override
    public void send(Object message) {
        Pid pid = resolve();
        if (pid == null) {
            node.deadLetters().publish(new DeadLetter(null, message, DeadLetter.Cause.NO_SUCH_NAME));
            return;
        }
        pid.send(message);
    }

    @Override
    public @Nullable Pid resolve() {
        return supervisor.whereis(key);
    }

    @Override
    public String toString() {
        return key + "@" + supervisor.name();
    }
}
