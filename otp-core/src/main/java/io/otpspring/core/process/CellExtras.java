package io.otpspring.core.process;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;

/**
 * The parts of a process that most processes never use, allocated on first use: monitors in both
 * directions, calls awaiting a later reply and waiters for its exit. Not thread-safe: the owning
 * cell guards it.
 */
final class CellExtras {

    private static final System.Logger LOG = System.getLogger(CellExtras.class.getName());

    private @Nullable List<MonitorRef> monitoredBy;
    private @Nullable List<MonitorRef> monitoring;
    private @Nullable List<Awaited> awaiting;
    private @Nullable List<ExitListener> exitListeners;
    private int awaitingPruneAt = 8;
    private @Nullable CountDownLatch exitLatch;

    void monitoredBy(MonitorRef ref) {
        if (monitoredBy == null) {
            monitoredBy = new ArrayList<>(2);
        }
        monitoredBy.add(ref);
    }

    void forgetMonitoredBy(MonitorRef ref) {
        if (monitoredBy != null) {
            monitoredBy.remove(ref);
        }
    }

    void monitoring(MonitorRef ref) {
        if (monitoring == null) {
            monitoring = new ArrayList<>(2);
        }
        monitoring.add(ref);
    }

    /** Returns whether {@code ref} was there. */
    boolean forgetMonitoring(MonitorRef ref) {
        return monitoring != null && monitoring.remove(ref);
    }

    void exitListener(ExitListener listener) {
        if (exitListeners == null) {
            exitListeners = new ArrayList<>(2);
        }
        exitListeners.add(listener);
    }

    void forgetExitListener(ExitListener listener) {
        if (exitListeners != null) {
            exitListeners.remove(listener);
        }
    }

    /** Remembers a call to be answered later; answered ones are pruned as the list grows. */
    void awaiting(Awaited message) {
        if (awaiting == null) {
            awaiting = new ArrayList<>(2);
        }
        awaiting.add(message);
        if (awaiting.size() >= awaitingPruneAt) {
            awaiting.removeIf(Awaited::isSettled);
            awaitingPruneAt = Math.max(8, awaiting.size() * 2);
        }
    }

    CountDownLatch exitLatch() {
        if (exitLatch == null) {
            exitLatch = new CountDownLatch(1);
        }
        return exitLatch;
    }

    /** Tells everyone who depended on the exited process: exit listeners, waiting callers, monitors. */
    void processExited(ProcessCell cell, ExitReason reason) {
        if (exitListeners != null) {
            for (ExitListener listener : exitListeners) {
                notify(listener, cell.pid(), reason);
            }
        }
        if (awaiting != null) {
            for (Awaited message : awaiting) {
                if (!message.isSettled()) {
                    message.fail(new ExitException(cell.pid(), reason));
                }
            }
        }
        if (monitoredBy != null) {
            for (MonitorRef ref : monitoredBy) {
                ref.watcherCell().forgetMonitoring(ref);
                ref.watcherCell().enqueue(new Down(ref, cell.pid(), reason), true);
            }
        }
        if (monitoring != null) {
            for (MonitorRef ref : monitoring) {
                ProcessCell target = ref.targetCell();
                if (target != null) {
                    target.removeMonitor(ref);
                }
                else {
                    cell.node().distribution().demonitor(ref);
                }
            }
        }
    }

    private static void notify(ExitListener listener, Pid pid, ExitReason reason) {
        try {
            listener.exited(pid, reason);
        }
        catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "exit listener " + listener + " failed for " + pid, failure);
        }
    }

    void signalExitWaiters() {
        if (exitLatch != null) {
            exitLatch.countDown();
        }
    }
}
