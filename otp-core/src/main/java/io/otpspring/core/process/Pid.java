package io.otpspring.core.process;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Names one incarnation of a process on one node. Two pids are equal when they name the same
 * incarnation; a restarted process has a new pid.
 *
 * <p>A pid of a process on another node (see {@link Node#pid(String, int, long)}) is used as a
 * local one is: messages, calls, links and monitors go through the node's {@link Distribution}.
 * Of such a pid, {@link #isAlive()} and {@link #exitReason()} tell whether its node is connected
 * ({@link ExitReason#NOCONNECTION} when not); monitor the process to learn of its own exit.
 */
public sealed class Pid implements ProcessRef permits RemotePid {

    private final @Nullable ProcessCell cell;
    private final String node;
    private final int creation;
    private final long id;

    Pid(@Nullable ProcessCell cell, String node, int creation, long id) {
        this.cell = cell;
        this.node = node;
        this.creation = creation;
        this.id = id;
    }

    /** The cell of a process of this JVM; {@code null} for a pid of another node. */
    @Nullable
    ProcessCell cell() {
        return cell;
    }

    /** The name of the node this process runs on. */
    public String node() {
        return node;
    }

    /** The number of this incarnation, unique within its node. */
    public long id() {
        return id;
    }

    /**
     * The incarnation of the node this process runs on: a node restarted under the same name
     * has another, so its new processes are never mistaken for the old ones.
     */
    public int creation() {
        return creation;
    }

    /** Whether this process runs on another node, reached through a {@link Distribution}. */
    public boolean isRemote() {
        return false;
    }

    /** Whether this incarnation is still alive. */
    public boolean isAlive() {
        return Objects.requireNonNull(cell).isAlive();
    }

    /** The reason this incarnation exited with, or {@code null} while it is alive. */
    public @Nullable ExitReason exitReason() {
        return Objects.requireNonNull(cell).exitReason();
    }

    /**
     * How many messages wait in this incarnation's mailbox.
     *
     * @throws UnsupportedOperationException for a process on another node
     */
    public int mailboxSize() {
        return Objects.requireNonNull(cell).mailboxSize();
    }

    /** Whether the calling thread is this incarnation's own: running its {@code init} or a handler. */
    public boolean runsOnCurrentThread() {
        return Objects.requireNonNull(cell).runsOn(Thread.currentThread());
    }

    @Override
    public void send(Object message) {
        Objects.requireNonNull(cell).deliver(message);
    }

    @Override
    public @Nullable Pid resolve() {
        return this;
    }

    @Override
    public final boolean equals(Object other) {
        return other instanceof Pid pid && pid.id == id && pid.creation == creation && pid.node.equals(node);
    }

    @Override
    public final int hashCode() {
        return Long.hashCode(id) * 31 + node.hashCode();
    }

    @Override
    public final String toString() {
        return "<" + node + "." + id + ">";
    }
}
