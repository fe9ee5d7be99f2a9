package io.otpspring.cluster.registry;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;
import com.hazelcast.map.listener.EntryMergedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.otpspring.cluster.transport.Members;
import io.otpspring.core.process.Node;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a namespace true to its processes when nodes come and go: frees the names of a node that
 * went down, and after a split heals, stops this node's processes that lost their names and frees
 * names brought back for processes that are gone. Each node looks after its own processes; what
 * takes a query runs on {@code maintenance}, off Hazelcast's event threads.
 */
final class Reconciler implements EntryRemovedListener<String, Holder>, EntryUpdatedListener<String, Holder>,
        EntryMergedListener<String, Holder>, LifecycleListener, Members.Listener {

    private static final System.Logger LOG = System.getLogger(Reconciler.class.getName());

    private final Node node;
    private final NameMap names;
    private final LocalNames locals;
    private final Executor maintenance;

    Reconciler(Node node, NameMap names, LocalNames locals, Executor maintenance) {
        this.node = node;
        this.names = names;
        this.locals = locals;
        this.maintenance = maintenance;
    }

    // ---------------------------------------------------------------- changes made elsewhere

    /** Someone freed a name a process of this node holds (unregistered it): it no longer does. */
    @Override
    public void entryRemoved(EntryEvent<String, Holder> event) {
        LocalNames.Held held = locals.get(event.getKey());
        if (held != null && held.holder().equals(event.getOldValue())) {
            locals.forget(event.getKey(), held);
        }
    }

    @Override
    public void entryUpdated(EntryEvent<String, Holder> event) {
        replaced(event.getKey(), event.getOldValue(), event.getValue());
    }

    /** A split healed and the other side's holder of a name was merged in. */
    @Override
    public void entryMerged(EntryEvent<String, Holder> event) {
        replaced(event.getKey(), event.getOldValue(), event.getValue());
    }

    private void replaced(String name, @Nullable Holder before, @Nullable Holder now) {
        LocalNames.Held held = locals.get(name);
        if (held != null && held.holder().equals(before) && !held.holder().sameProcess(now)) {
            lose(name, held);
        }
        if (now != null) {
            releaseIfGone(name, now);
        }
    }

    // ---------------------------------------------------------------- nodes and merges

    @Override
    public void nodeDown(String down) {
        later("freeing the names of node " + down, () -> names.entries(new OfNode(down))
                .forEach(entry -> names.release(entry.getKey(), entry.getValue(), true)));
    }

    /** This member rejoined after a split, its data merged into the other side's. */
    @Override
    public void stateChanged(LifecycleEvent event) {
        if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
            later("checking the names after a merge", this::afterMerge);
        }
    }

    private void afterMerge() {
        locals.snapshot().forEach((name, held) -> {
            Holder current = names.get(name);
            Holder keeper = current != null ? current : names.claim(name, held.holder(), null);
            if (keeper != null && !keeper.sameProcess(held.holder())) {
                lose(name, held);
            }
        });
        names.entries().forEach(entry -> releaseIfGone(entry.getKey(), entry.getValue()));
    }

    /** Frees the names this node's earlier incarnations or dead processes still hold. */
    void releaseOwnStale() {
        names.entries(new OfNode(node.name())).forEach(entry -> releaseIfGone(entry.getKey(), entry.getValue()));
    }

    // ---------------------------------------------------------------- internals

    /** Frees {@code name} if its holder is gone: a dead process here, or one of a node not connected. */
    private void releaseIfGone(String name, Holder holder) {
        if (locals.live(name, holder) == null) {
            names.release(name, holder, !holder.isOn(node));
        }
    }

    /** A process of this node lost {@code name} to another: it is stopped, as Erlang's {@code :global} does. */
    private void lose(String name, LocalNames.Held held) {
        if (locals.forget(name, held)) {
            LOG.log(System.Logger.Level.INFO, () -> held.pid() + " lost the name '" + name + "' to another process after a split");
            node.exit(held.pid(), ClusterRegistry.conflictReason(name));
        }
    }

    private void later(String what, Runnable task) {
        try {
            maintenance.execute(() -> {
                try {
                    task.run();
                }
                catch (RuntimeException failure) {
                    LOG.log(System.Logger.Level.WARNING, what + " failed", failure);
                }
            });
        }
        catch (RejectedExecutionException closed) {
            LOG.log(System.Logger.Level.DEBUG, () -> what + ": the registry is closed");
        }
    }
}
