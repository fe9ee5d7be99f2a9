package io.otpspring.core.process;

import org.jspecify.annotations.Nullable;

/**
 * Names one monitor, returned by {@link ProcessContext#monitor(ProcessRef)} and carried by the
 * {@link Down} notice that closes it.
 */
public final class MonitorRef {

    private final ProcessCell watcher;
    private final @Nullable ProcessCell target;
    private final Pid targetPid;
    private final long id;

    MonitorRef(ProcessCell watcher, @Nullable ProcessCell target, Pid targetPid, long id) {
        this.watcher = watcher;
        this.target = target;
        this.targetPid = targetPid;
        this.id = id;
    }

    ProcessCell watcherCell() {
        return watcher;
    }

    /** The monitored process's cell; {@code null} when it runs on another node. */
    @Nullable
    ProcessCell targetCell() {
        return target;
    }

    /** The monitoring process. */
    public Pid watcher() {
        return watcher.pid();
    }

    /** The monitored process. */
    public Pid pid() {
        return targetPid;
    }

    /** This monitor's number, unique on its watcher's node. */
    public long id() {
        return id;
    }

    @Override
    public String toString() {
        return "#Ref<" + watcher.pid().node() + "." + id + ">";
    }
}
