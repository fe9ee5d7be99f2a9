package io.otpspring.cluster.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.otpspring.core.process.ExitListener;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.MonitorRef;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;

/**
 * Monitors across nodes, from both ends: the ones this node's processes set on remote processes
 * (closed by a {@code MonitorDown} or their node going down), and the ones remote processes set on
 * this node's (an exit listener each, which sends the {@code MonitorDown}).
 */
final class RemoteMonitors {

    /** Sends a signal to a node; returns whether it went out. */
    interface Outbox {
        boolean send(String node, Signal signal);
    }

    private final Node node;
    private final Outbox outbox;
    private final Map<Long, MonitorRef> watching = new ConcurrentHashMap<>();
    private final Map<Watch, ExitListener> watched = new ConcurrentHashMap<>();

    RemoteMonitors(Node node, Outbox outbox) {
        this.node = node;
        this.outbox = outbox;
    }

    // ---------------------------------------------------------------- the watcher's end

    void monitor(MonitorRef ref) {
        watching.put(ref.id(), ref);
        if (!outbox.send(ref.pid().node(), new Signal.Monitor(ref.id(), ref.watcher(), ref.pid()))) {
            down(ref.id(), ExitReason.NOCONNECTION);
        }
    }

    void demonitor(MonitorRef ref) {
        if (watching.remove(ref.id(), ref)) {
            outbox.send(ref.pid().node(), new Signal.Demonitor(ref.id(), ref.watcher(), ref.pid()));
        }
    }

    void down(long refId, ExitReason reason) {
        MonitorRef ref = watching.remove(refId);
        if (ref != null) {
            node.deliverDown(ref, reason);
        }
    }

    // ---------------------------------------------------------------- the target's end

    void watchedBy(long refId, Pid watcher, Pid target) {
        Watch watch = new Watch(watcher.node(), refId, target);
        ExitListener fire = (pid, reason) -> {
            if (watched.remove(watch) != null) {
                outbox.send(watch.watcherNode(), new Signal.MonitorDown(refId, reason));
            }
        };
        watched.put(watch, fire);
        if (target.isRemote() || !node.addExitListener(target, fire)) {
            watched.remove(watch);
            outbox.send(watch.watcherNode(), new Signal.MonitorDown(refId, ExitReason.NOPROC));
        }
    }

    void unwatched(long refId, Pid watcher, Pid target) {
        forget(new Watch(watcher.node(), refId, target));
    }

    private void forget(Watch watch) {
        ExitListener fire = watched.remove(watch);
        if (fire != null && !watch.target().isRemote()) {
            node.removeExitListener(watch.target(), fire);
        }
    }

    // ---------------------------------------------------------------- a node went down

    void nodeDown(String down) {
        watching.values().forEach(ref -> {
            if (ref.pid().node().equals(down)) {
                down(ref.id(), ExitReason.NOCONNECTION);
            }
        });
        watched.keySet().forEach(watch -> {
            if (watch.watcherNode().equals(down)) {
                forget(watch);
            }
        });
    }

    private record Watch(String watcherNode, long refId, Pid target) {
    }
}
