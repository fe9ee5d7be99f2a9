package io.otpspring.cluster.transport;

import java.io.IOException;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;

/** Writes a pid as its node, creation and id; reads it back as the local node sees it. */
final class Pids {

    private Pids() {
    }

    static void write(ObjectDataOutput out, @Nullable Pid pid) throws IOException {
        out.writeBoolean(pid != null);
        if (pid != null) {
            out.writeString(pid.node());
            out.writeInt(pid.creation());
            out.writeLong(pid.id());
        }
    }

    @Nullable
    static Pid read(ObjectDataInput in, Node node) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        String name = in.readString();
        int creation = in.readInt();
        long id = in.readLong();
        return node.pid(name, creation, id);
    }
}
