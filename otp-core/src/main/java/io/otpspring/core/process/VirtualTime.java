package io.otpspring.core.process;

import java.time.Duration;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Virtual time for a node ({@code Node.start(name, new VirtualTime())}): its timers (send-after,
 * state-machine timeouts, restart backoff) and its clock (restart intensity windows, backoff quiet
 * periods) move only when {@link #advance} is called, which runs the timers due by then on the
 * caller's thread, in due-time order. A message a timer sends is therefore queued before anything
 * sent afterwards, and a cancelled timer never runs: a test of a 30-second timeout needs no
 * sleeping and takes microseconds.
 */
public final class VirtualTime extends AbstractExecutorService implements ScheduledExecutorService {

    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long now;
    private long sequence;
    private boolean shutdown;

    /** Moves the clock forward by {@code duration}, running every timer due meanwhile; returns how many ran. */
    public int advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time moves forward only; cannot advance by " + duration);
        }
        long target;
        synchronized (this) {
            target = now + duration.toNanos();
        }
        int ran = 0;
        for (;;) {
            Task due;
            synchronized (this) {
                due = tasks.peek();
                if (due == null || due.at > target) {
                    // another advance (or a timer advancing) may have moved it further meanwhile
                    now = Math.max(now, target);
                    return ran;
                }
                tasks.poll();
                now = Math.max(now, due.at);
                if (due.period > 0) {
                    due.at += due.period;
                    due.order = sequence++;
                    tasks.add(due);
                }
                else {
                    due.done = true;
                }
            }
            due.command.run();
            ran++;
        }
    }

    /** The virtual clock, in nanoseconds since this time was created. */
    public synchronized long nanoTime() {
        return now;
    }

    /** How many timers are waiting to fire. */
    public synchronized int pending() {
        return tasks.size();
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Task task = new Task(command, now + unit.toNanos(delay), sequence++, 0);
        tasks.add(task);
        return task;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("a node's timers schedule Runnables only");
    }

    /** A timer that fires every {@code period} after {@code initialDelay}, until cancelled. */
    @Override
    public synchronized ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period,
            TimeUnit unit) {
        if (period <= 0) {
            throw new IllegalArgumentException("the period must be positive, was " + period);
        }
        Task task = new Task(command, now + unit.toNanos(initialDelay), sequence++, unit.toNanos(period));
        tasks.add(task);
        return task;
    }

    /** The same as {@link #scheduleAtFixedRate}: on virtual time a timer takes no time to run. */
    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return scheduleAtFixedRate(command, initialDelay, delay, unit);
    }

    @Override
    public void execute(Runnable command) {
        throw new UnsupportedOperationException("timers are scheduled, not executed");
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
        tasks.clear();
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown();
        return List.of();
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return isShutdown();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isShutdown();
    }

    /** A timer; its state is guarded by the scheduler. */
    private final class Task implements ScheduledFuture<Object> {

        private final Runnable command;
        private final long period;
        private long at;
        private long order;
        private boolean done;
        private boolean cancelled;

        /** {@code period}: 0 for a one-shot timer. */
        Task(Runnable command, long at, long order, long period) {
            this.command = command;
            this.at = at;
            this.order = order;
            this.period = period;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            synchronized (VirtualTime.this) {
                if (done) {
                    return false;
                }
                done = true;
                cancelled = true;
                tasks.remove(this);
                return true;
            }
        }

        @Override
        public boolean isCancelled() {
            synchronized (VirtualTime.this) {
                return cancelled;
            }
        }

        @Override
        public boolean isDone() {
            synchronized (VirtualTime.this) {
                return done;
            }
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException("timers are not awaited");
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException("timers are not awaited");
        }

        @Override
        public long getDelay(TimeUnit unit) {
            synchronized (VirtualTime.this) {
                return unit.convert(at - now, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public int compareTo(Delayed other) {
            Task task = (Task) other;
            return at != task.at ? Long.compare(at, task.at) : Long.compare(order, task.order);
        }
    }
}
