package io.otpspring.core.process;

import org.jspecify.annotations.Nullable;

/**
 * Names one incarnation of a process on one node. Two pids are equal when they name the same
 * incarnation; a restarted process has a new pid.
 */
public final class Pid implements ProcessRef {

    private final ProcessCell cell;
    private final String node;
    private final int creation;
    private final long id;

    Pid(ProcessCell cell, String node, int creation, long id) {
        this.cell = cell;
        this.node = node;
        this.creation = creation;
        this.id = id;
    }

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

    /** Whether this incarnation is still alive. */
    public boolean isAlive() {
        return cell.isAlive();
    }

    /** The reason this incarnation exited with, or {@code null} while it is alive. */
    public @Nullable ExitReason exitReason() {
        return cell.exitReason();
    }

    /** How many messages wait in this incarnation's mailbox. */
    public int mailboxSize() {
        return cell.mailboxSize();
    }

    /** Whether the calling thread is this incarnation's own: running its {@code init} or a handler. */
    public boolean runsOnCurrentThread() {
        return cell.runsOn(Thread.currentThread());
    }

    @Override
    public void send(Object message) {
        cell.deliver(message);
    }

    @Override
    public @Nullable Pid resolve() {
        return this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pid pid && pid.id == id && pid.creation == creation && pid.node.equals(node);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + node.hashCode();
    }

    @Override
    public String toString() {
        return "<" + node + "." + id + ">";
    }
}
