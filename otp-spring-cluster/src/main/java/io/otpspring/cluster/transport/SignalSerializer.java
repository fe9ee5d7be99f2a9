package io.otpspring.cluster.transport;

import java.io.IOException;
import java.util.Objects;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import io.otpspring.cluster.transport.Signal.Ack;
import io.otpspring.cluster.transport.Signal.CallFailed;
import io.otpspring.cluster.transport.Signal.CallReply;
import io.otpspring.cluster.transport.Signal.CallRequest;
import io.otpspring.cluster.transport.Signal.Demonitor;
import io.otpspring.cluster.transport.Signal.ExitSignal;
import io.otpspring.cluster.transport.Signal.Hello;
import io.otpspring.cluster.transport.Signal.Link;
import io.otpspring.cluster.transport.Signal.Monitor;
import io.otpspring.cluster.transport.Signal.MonitorDown;
import io.otpspring.cluster.transport.Signal.Send;
import io.otpspring.cluster.transport.Signal.Unlink;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;

/** Writes each {@link Signal} field by field, with a leading kind byte; pids are read against the receiving node. */
final class SignalSerializer implements StreamSerializer<Signal> {

    static final int TYPE_ID = 0x4f54_0001;

    private final Node node;
    private final Payloads payloads;

    SignalSerializer(Node node, Payloads payloads) {
        this.node = node;
        this.payloads = payloads;
    }

    @Override
    public void write(ObjectDataOutput out, Signal signal) throws IOException {
        switch (signal) {
            case Send send -> {
                out.writeByte(0);
                Pids.write(out, send.to());
                out.writeBoolean(send.cast());
                out.writeLong(send.number());
                // a payload comes last: one that cannot be read leaves nothing after it unread
                payloads.write(out, send.payload());
            }
            case Ack ack -> {
                out.writeByte(10);
                out.writeLong(ack.number());
            }
            case Hello hello -> {
                out.writeByte(11);
                out.writeBoolean(hello.answer());
            }
            case CallRequest call -> {
                out.writeByte(1);
                out.writeLong(call.callId());
                out.writeString(call.replyTo());
                Pids.write(out, call.to());
                payloads.write(out, call.request());
            }
            case CallReply reply -> {
                out.writeByte(2);
                out.writeLong(reply.callId());
                payloads.write(out, reply.value());
            }
            case CallFailed failed -> {
                out.writeByte(3);
                out.writeLong(failed.callId());
                Pids.write(out, failed.server());
                ExitReasons.write(out, failed.reason());
            }
            case ExitSignal exit -> {
                out.writeByte(4);
                Pids.write(out, exit.from());
                Pids.write(out, exit.to());
                ExitReasons.write(out, exit.reason());
                out.writeBoolean(exit.viaLink());
            }
            case Link link -> {
                out.writeByte(5);
                Pids.write(out, link.remote());
                Pids.write(out, link.local());
            }
            case Unlink unlink -> {
                out.writeByte(6);
                Pids.write(out, unlink.remote());
                Pids.write(out, unlink.local());
            }
            case Monitor monitor -> {
                out.writeByte(7);
                out.writeLong(monitor.ref());
                Pids.write(out, monitor.watcher());
                Pids.write(out, monitor.target());
            }
            case Demonitor demonitor -> {
                out.writeByte(8);
                out.writeLong(demonitor.ref());
                Pids.write(out, demonitor.watcher());
                Pids.write(out, demonitor.target());
            }
            case MonitorDown down -> {
                out.writeByte(9);
                out.writeLong(down.ref());
                ExitReasons.write(out, down.reason());
            }
        }
    }

    @Override
    public Signal read(ObjectDataInput in) throws IOException {
        byte kind = in.readByte();
        return switch (kind) {
            case 0 -> {
                Pid to = pid(in);
                boolean cast = in.readBoolean();
                long number = in.readLong();
                yield new Send(to, cast, Objects.requireNonNull(payloads.read(in)), number);
            }
            case 1 -> new CallRequest(in.readLong(), in.readString(), pid(in), Objects.requireNonNull(payloads.read(in)));
            case 2 -> new CallReply(in.readLong(), payloads.read(in));
            case 3 -> new CallFailed(in.readLong(), pid(in), ExitReasons.read(in));
            case 4 -> new ExitSignal(Pids.read(in, node), pid(in), ExitReasons.read(in), in.readBoolean());
            case 5 -> new Link(pid(in), pid(in));
            case 6 -> new Unlink(pid(in), pid(in));
            case 7 -> new Monitor(in.readLong(), pid(in), pid(in));
            case 8 -> new Demonitor(in.readLong(), pid(in), pid(in));
            case 9 -> new MonitorDown(in.readLong(), ExitReasons.read(in));
            case 10 -> new Ack(in.readLong());
            case 11 -> new Hello(in.readBoolean());
            default -> throw new IOException("unknown signal kind " + kind);
        };
    }

    private Pid pid(ObjectDataInput in) throws IOException {
        return Objects.requireNonNull(Pids.read(in, node), "pid");
    }

    @Override
    public int getTypeId() {
        return TYPE_ID;
    }
}
