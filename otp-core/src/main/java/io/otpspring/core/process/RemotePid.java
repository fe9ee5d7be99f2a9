package io.otpspring.core.process;

import org.jspecify.annotations.Nullable;

/**
 * A pid of a process on another node, as seen from {@code home}: whatever is addressed to it goes
 * through {@code home}'s {@link Distribution}. Only its node's connection is known here, not the
 * process's own liveness: monitor it to learn that.
 */
final class RemotePid extends Pid {

    private final Node home;

    RemotePid(Node home, String node, int creation, long id) {
        super(null, node, creation, id);
        this.home = home;
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    /** Whether its node is connected: a remote process's exit is learned by monitoring it. */
    @Override
    public boolean isAlive() {
        return home.distribution().isConnected(node());
    }

    /** {@link ExitReason#NOCONNECTION} when its node is not connected, otherwise {@code null} (not known here). */
    @Override
    public @Nullable ExitReason exitReason() {
        return isAlive() ? null : ExitReason.NOCONNECTION;
    }

    @Override
    public int mailboxSize() {
        throw new UnsupportedOperationException(this + " runs on another node: its mailbox is not visible here");
    }

    @Override
    public boolean runsOnCurrentThread() {
        return false;
    }

    @Override
    public void send(Object message) {
        home.sendRemote(this, message);
    }
}
