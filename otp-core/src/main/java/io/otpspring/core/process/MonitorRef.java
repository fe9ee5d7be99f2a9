package io.otpspring.core.process;

/**
 * Names one monitor, returned by {@link ProcessContext#monitor(ProcessRef)} and carried by the
 * {@link Down} notice that closes it.
 */
public final class MonitorRef {

    private final ProcessCell watcher;
    private final ProcessCell target;
    private final long id;

    MonitorRef(ProcessCell watcher, ProcessCell target, long id) {
        this.watcher = watcher;
        this.target = target;
        this.id = id;
    }

    ProcessCell watcher() {
        return watcher;
    }

    ProcessCell target() {
        return target;
    }

    /** The monitored process. */
    public Pid pid() {
        return target.pid();
    }

    @Override
    public String toString() {
        return "#Ref<" + watcher.pid().node() + "." + id + ">";
    }
}
