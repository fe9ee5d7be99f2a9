package io.otpspring.cluster.placement;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.ProcessContext;

/** A key's server, with its checkpoint bound to its process (so a refused save can stop it). */
final class CheckpointedServer implements GenServer {

    private final GenServer server;
    private final FencedCheckpoint<?> checkpoint;

    CheckpointedServer(GenServer server, FencedCheckpoint<?> checkpoint) {
        this.server = server;
        this.checkpoint = checkpoint;
    }

    @Override
    public void init(ProcessContext self) throws Exception {
        checkpoint.bind(self);
        server.init(self);
    }

    @Override
    public Reply handleCall(Object request, From from) throws Exception {
        return server.handleCall(request, from);
    }

    @Override
    public void handleCast(Object message) throws Exception {
        server.handleCast(message);
    }

    @Override
    public void handleInfo(Object message) throws Exception {
        server.handleInfo(message);
    }

    @Override
    public void terminate(ExitReason reason) throws Exception {
        server.terminate(reason);
    }
}
