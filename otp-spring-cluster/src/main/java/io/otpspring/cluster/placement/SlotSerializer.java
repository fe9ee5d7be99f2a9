package io.otpspring.cluster.placement;

import java.io.IOException;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import io.otpspring.core.process.Pid;

/** Writes a {@link Slot} field by field; its pid and state go through Hazelcast's own serializers. */
final class SlotSerializer implements StreamSerializer<Slot> {

    static final int TYPE_ID = 0x4f54_0020;

    @Override
    public void write(ObjectDataOutput out, Slot slot) throws IOException {
        out.writeString(slot.node());
        out.writeLong(slot.epoch());
        out.writeObject(slot.pid());
        out.writeObject(slot.state());
    }

    @Override
    public Slot read(ObjectDataInput in) throws IOException {
        String node = in.readString();
        long epoch = in.readLong();
        Pid pid = in.readObject();
        return new Slot(node, epoch, pid, in.readObject());
    }

    @Override
    public int getTypeId() {
        return TYPE_ID;
    }
}
