package io.otpspring.core.process;

import java.util.Objects;

import io.otpspring.core.process.DeadLetter.Cause;
import org.jspecify.annotations.Nullable;

/**
 * A reference to whatever process is registered under {@code name} on {@code node}, resolved each
 * time it is used. Obtain one with {@link Node#named(String)}.
 */
public record RegisteredName(Node node, String name) implements ProcessRef {

    public RegisteredName {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public void send(Object message) {
        ProcessCell cell = node.names().lookup(name);
        if (cell == null) {
            node.deadLetters().publish(new DeadLetter(null, message, Cause.NO_SUCH_NAME));
            return;
        }
        cell.deliver(message);
    }

    @Override
    public @Nullable Pid resolve() {
        ProcessCell cell = node.names().lookup(name);
        return cell == null ? null : cell.pid();
    }

    @Override
    public String toString() {
        return name + "@" + node.name();
    }
}
