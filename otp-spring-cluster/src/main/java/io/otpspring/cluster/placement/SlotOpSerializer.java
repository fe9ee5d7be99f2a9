package io.otpspring.cluster.placement;

import java.io.IOException;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import io.otpspring.cluster.placement.SlotOp.Claim;
import io.otpspring.cluster.placement.SlotOp.Finish;
import io.otpspring.cluster.placement.SlotOp.Read;
import io.otpspring.cluster.placement.SlotOp.Release;
import io.otpspring.cluster.placement.SlotOp.ReleaseNode;
import io.otpspring.cluster.placement.SlotOp.Save;
import io.otpspring.cluster.placement.SlotOp.Started;
import io.otpspring.cluster.placement.SlotOp.Want;

/** Writes each {@link SlotOp} with a leading kind byte; states and pids go through Hazelcast's own serializers. */
final class SlotOpSerializer implements StreamSerializer<SlotOp<?>> {

    static final int TYPE_ID = 0x4f54_0021;

    @Override
    public void write(ObjectDataOutput out, SlotOp<?> op) throws IOException {
        switch (op) {
            case Want want -> {
                out.writeByte(0);
                out.writeObject(want.initial());
            }
            case Claim claim -> {
                out.writeByte(1);
                out.writeString(claim.node());
                out.writeString(claim.expectedNode());
                out.writeLong(claim.expectedEpoch());
            }
            case Started started -> {
                out.writeByte(2);
                out.writeString(started.node());
                out.writeLong(started.epoch());
                out.writeObject(started.pid());
            }
            case Save save -> {
                out.writeByte(3);
                out.writeString(save.node());
                out.writeLong(save.epoch());
                out.writeObject(save.state());
            }
            case Release release -> {
                out.writeByte(4);
                out.writeString(release.node());
                out.writeLong(release.epoch());
            }
            case Finish finish -> {
                out.writeByte(5);
                out.writeString(finish.node());
                out.writeLong(finish.epoch());
            }
            case ReleaseNode releaseNode -> {
                out.writeByte(6);
                out.writeString(releaseNode.node());
            }
            case Read read -> out.writeByte(7);
        }
    }

    @Override
    public SlotOp<?> read(ObjectDataInput in) throws IOException {
        byte kind = in.readByte();
        return switch (kind) {
            case 0 -> new Want(in.readObject());
            case 1 -> new Claim(in.readString(), in.readString(), in.readLong());
            case 2 -> new Started(in.readString(), in.readLong(), in.readObject());
            case 3 -> new Save(in.readString(), in.readLong(), in.readObject());
            case 4 -> new Release(in.readString(), in.readLong());
            case 5 -> new Finish(in.readString(), in.readLong());
            case 6 -> new ReleaseNode(in.readString());
            case 7 -> new Read();
            default -> throw new IOException("unknown slot operation kind " + kind);
        };
    }

    @Override
    public int getTypeId() {
        return TYPE_ID;
    }
}
