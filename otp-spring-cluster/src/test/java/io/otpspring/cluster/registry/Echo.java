package io.otpspring.cluster.registry;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;

/** Answers a call with the name of its node. */
final class Echo implements GenServer {

    private final String node;

    Echo(String node) {
        this.node = node;
    }

    static Pid start(Node node) {
        return GenServer.start(node, new Echo(node.name()));
    }

    @Override
    public Reply handleCall(Object request, From from) {
        return Reply.of(request + " from " + node);
    }
}
