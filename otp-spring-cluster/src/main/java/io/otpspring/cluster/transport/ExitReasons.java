package io.otpspring.cluster.transport;

import java.io.IOException;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.otpspring.cluster.RemoteCrashException;
import io.otpspring.core.process.ExitReason;

/**
 * Writes an exit reason so that another node reads the same reason: the atoms as themselves, a
 * crash as a {@link RemoteCrashException} naming the exception, a shutdown detail or any other
 * term as its text.
 */
final class ExitReasons {

    private static final byte NORMAL = 0;
    private static final byte SHUTDOWN = 1;
    private static final byte KILL = 2;
    private static final byte KILLED = 3;
    private static final byte NOPROC = 4;
    private static final byte NOCONNECTION = 5;
    private static final byte CRASH = 6;
    private static final byte OTHER = 7;

    private ExitReasons() {
    }

    static void write(ObjectDataOutput out, ExitReason reason) throws IOException {
        switch (reason) {
            case ExitReason.Normal normal -> out.writeByte(NORMAL);
            case ExitReason.Shutdown shutdown -> {
                out.writeByte(SHUTDOWN);
                out.writeString(shutdown.detail() == null ? null : String.valueOf(shutdown.detail()));
            }
            case ExitReason.Kill kill -> out.writeByte(KILL);
            case ExitReason.Killed killed -> out.writeByte(KILLED);
            case ExitReason.NoProc noProc -> out.writeByte(NOPROC);
            case ExitReason.NoConnection noConnection -> out.writeByte(NOCONNECTION);
            case ExitReason.Crash crash -> {
                out.writeByte(CRASH);
                Throwable cause = crash.cause();
                boolean remote = cause instanceof RemoteCrashException;
                out.writeString(remote ? ((RemoteCrashException) cause).exceptionClass() : cause.getClass().getName());
                out.writeString(remote ? messageOf((RemoteCrashException) cause) : String.valueOf(cause.getMessage()));
            }
            case ExitReason.Other other -> {
                out.writeByte(OTHER);
                out.writeString(String.valueOf(other.term()));
            }
        }
    }

    static ExitReason read(ObjectDataInput in) throws IOException {
        byte kind = in.readByte();
        return switch (kind) {
            case NORMAL -> ExitReason.NORMAL;
            case SHUTDOWN -> {
                String detail = in.readString();
                yield detail == null ? ExitReason.SHUTDOWN : ExitReason.shutdown(detail);
            }
            case KILL -> ExitReason.KILL;
            case KILLED -> ExitReason.KILLED;
            case NOPROC -> ExitReason.NOPROC;
            case NOCONNECTION -> ExitReason.NOCONNECTION;
            case CRASH -> ExitReason.crash(new RemoteCrashException(in.readString(), in.readString()));
            case OTHER -> ExitReason.other(in.readString());
            default -> throw new IOException("unknown exit reason kind " + kind);
        };
    }

    private static String messageOf(RemoteCrashException crash) {
        String message = crash.getMessage();
        String prefix = crash.exceptionClass() + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : String.valueOf(message);
    }
}
