package io.otpspring.cluster.transport;

import java.io.IOException;
import java.util.Objects;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;

/** Lets pids travel inside users' messages and cluster maps, rebuilt against the receiving node. */
public final class PidSerializer implements StreamSerializer<Pid> {

    /** The Hazelcast type id of a pid. */
    public static final int TYPE_ID = 0x4f54_0002;

    private final Node node;

    public PidSerializer(Node node) {
        this.node = node;
    }

    @Override
    public void write(ObjectDataOutput out, Pid pid) throws IOException {
        Pids.write(out, pid);
    }

    @Override
    public Pid read(ObjectDataInput in) throws IOException {
        return Objects.requireNonNull(Pids.read(in, node));
    }

    @Override
    public int getTypeId() {
        return TYPE_ID;
    }
}
