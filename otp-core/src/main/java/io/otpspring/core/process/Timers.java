package io.otpspring.core.process;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A node's timers: {@code sendAfter} and periodic messages, as Erlang's {@code erlang:send_after}
 * and {@code timer:send_interval}. Timers only send messages, so one scheduler thread serves a
 * whole node; a periodic timer to a pid stops by itself once that process has exited.
 */
public final class Timers {

    private final ScheduledExecutorService scheduler;

    Timers(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Sends {@code message} to {@code to} once, after {@code delay}. */
    public TimerRef sendAfter(ProcessRef to, Object message, Duration delay) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(message, "message");
        TimerRef ref = new TimerRef();
        ref.schedule(scheduler.schedule(() -> to.send(message), nanos(delay), TimeUnit.NANOSECONDS));
        return ref;
    }

    /** Sends {@code message} to {@code to} every {@code period}, the first time after one period. */
    public TimerRef sendInterval(ProcessRef to, Object message, Duration period) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(message, "message");
        long nanos = nanos(period);
        if (nanos == 0) {
            throw new IllegalArgumentException("a periodic timer needs a positive period");
        }
        TimerRef ref = new TimerRef();
        ref.schedule(scheduler.scheduleAtFixedRate(() -> {
            if (to instanceof Pid pid && !pid.isAlive()) {
                ref.cancel();
                return;
            }
            to.send(message);
        }, nanos, nanos, TimeUnit.NANOSECONDS));
        return ref;
    }

    private static long nanos(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a timer duration must not be negative: " + duration);
        }
        return duration.toNanos();
    }
}
