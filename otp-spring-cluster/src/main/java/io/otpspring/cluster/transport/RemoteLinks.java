package io.otpspring.cluster.transport;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;

/**
 * The links between this node's processes and processes on other nodes, kept at both ends: a
 * local process's exit is sent to its remote partners (an exit listener per linked process), a
 * remote partner's exit or its node going down arrives as an exit signal.
 */
final class RemoteLinks {

    private final Node node;
    private final RemoteMonitors.Outbox outbox;
    private final Map<Pid, Set<Pid>> partners = new ConcurrentHashMap<>();

    RemoteLinks(Node node, RemoteMonitors.Outbox outbox) {
        this.node = node;
        this.outbox = outbox;
    }

    /** A local process links to a remote one. */
    void link(Pid local, Pid remote) {
        if (!add(local, remote)) {
            return;
        }
        if (!outbox.send(remote.node(), new Signal.Link(local, remote))) {
            remove(local, remote);
            node.signalExit(local, remote, ExitReason.NOCONNECTION, true);
        }
    }

    /** A remote process asked to link to a local one. */
    void linkedFrom(Pid remote, Pid local) {
        if (local.isRemote() || !add(local, remote)) {
            outbox.send(remote.node(), new Signal.ExitSignal(local, remote, ExitReason.NOPROC, true));
        }
    }

    void unlink(Pid local, Pid remote) {
        if (remove(local, remote)) {
            outbox.send(remote.node(), new Signal.Unlink(local, remote));
        }
    }

    void unlinkedFrom(Pid remote, Pid local) {
        remove(local, remote);
    }

    /** A remote partner's exit reached a local process through their link. */
    void partnerExited(Pid remote, Pid local, ExitReason reason) {
        if (remove(local, remote)) {
            node.signalExit(local, remote, reason, true);
        }
    }

    void nodeDown(String down) {
        partners.forEach((local, remotes) -> remotes.forEach(remote -> {
            if (remote.node().equals(down)) {
                partnerExited(remote, local, ExitReason.NOCONNECTION);
            }
        }));
    }

    /** Records the pair; the first link of a local process adds the listener that carries its exit. */
    private boolean add(Pid local, Pid remote) {
        boolean[] first = {false};
        partners.compute(local, (pid, remotes) -> {
            Set<Pid> set = remotes == null ? ConcurrentHashMap.newKeySet() : remotes;
            first[0] = remotes == null;
            set.add(remote);
            return set;
        });
        if (first[0] && !node.addExitListener(local, this::localExited)) {
            partners.remove(local);
            return false;
        }
        return true;
    }

    private boolean remove(Pid local, Pid remote) {
        boolean[] removed = {false};
        partners.computeIfPresent(local, (pid, remotes) -> {
            removed[0] = remotes.remove(remote);
            return remotes;
        });
        return removed[0];
    }

    private void localExited(Pid local, ExitReason reason) {
        Set<Pid> remotes = partners.remove(local);
        if (remotes != null) {
            remotes.forEach(remote -> outbox.send(remote.node(), new Signal.ExitSignal(local, remote, reason, true)));
        }
    }
}
