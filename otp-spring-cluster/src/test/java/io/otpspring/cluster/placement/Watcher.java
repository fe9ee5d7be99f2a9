package io.otpspring.cluster.placement;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.Down;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;

/** A process that monitors the pids it is called with and keeps the {@link Down}s it receives. */
final class Watcher implements GenServer {

    private final List<Down> downs = new CopyOnWriteArrayList<>();
    private ProcessContext self;
    private Pid pid;

    static Watcher start(Node node) {
        Watcher watcher = new Watcher();
        watcher.pid = GenServer.start(node, watcher);
        return watcher;
    }

    @Override
    public void init(ProcessContext self) {
        this.self = self;
    }

    @Override
    public Reply handleCall(Object request, From from) {
        return Reply.of(self.monitor((Pid) request));
    }

    @Override
    public void handleInfo(Object message) {
        if (message instanceof Down down) {
            downs.add(down);
        }
    }

    void monitor(Pid target) {
        GenServer.call(pid, target);
    }

    List<Down> downs() {
        return List.copyOf(downs);
    }
}
