package io.otpspring.core.process;

import org.jspecify.annotations.Nullable;

/**
 * How a node reaches processes on other nodes. A cluster module installs one with
 * {@link Node#useDistribution}; without one, everything stays on this node and a pid of another
 * node is unreachable.
 *
 * <p>The node calls it for a {@linkplain Pid#isRemote() remote pid} only. An implementation
 * turns exit signals and monitor notices that come back from other nodes into local ones with
 * {@link Node#signalExit} and {@link Node#deliverDown}, and learns of local exits with
 * {@link Node#addExitListener}.
 */
public interface Distribution {

    /** What a node without a cluster uses: no other node is connected. */
    Distribution NONE = new Distribution() {
        @Override
        public boolean isConnected(String node) {
            return false;
        }

        @Override
        public boolean send(Pid to, Object message) {
            return false;
        }

        @Override
        public void link(Pid local, Pid remote) {
        }

        @Override
        public void unlink(Pid local, Pid remote) {
        }

        @Override
        public void monitor(MonitorRef ref) {
        }

        @Override
        public void demonitor(MonitorRef ref) {
        }

        @Override
        public void exit(@Nullable Pid from, Pid to, ExitReason reason) {
        }
    };

    /** Whether {@code node} is connected now. */
    boolean isConnected(String node);

    /**
     * Sends {@code message} to {@code to}, keeping the order of messages from one sender to one
     * recipient. A call ({@link Awaited}) that cannot be delivered, or whose node goes down before
     * the answer, must be failed with an {@link ExitException}; the node does that when this
     * returns {@code false}.
     *
     * @return {@code false} when {@code to}'s node is not connected (nothing was sent)
     */
    boolean send(Pid to, Object message);

    /**
     * Links local {@code local} to {@code remote}, whose node was connected a moment ago: each
     * one's exit reaches the other as an exit signal; when {@code remote} is not alive or its node
     * goes down, {@code local} receives one with {@code noproc} or {@link ExitReason#NOCONNECTION}.
     */
    void link(Pid local, Pid remote);

    /** Removes a link made with {@link #link}. */
    void unlink(Pid local, Pid remote);

    /**
     * Starts {@code ref}: its {@link MonitorRef#watcher() watcher} is local, its
     * {@linkplain MonitorRef#pid() target} remote, on a node connected a moment ago. When the target exits, or is not alive, or its
     * node goes down, call {@link Node#deliverDown} once.
     */
    void monitor(MonitorRef ref);

    /** Ends a monitor started with {@link #monitor}: no {@code Down} will come for it. */
    void demonitor(MonitorRef ref);

    /** Sends the exit signal {@code reason} to remote {@code to}, from {@code from} (or from no process). */
    void exit(@Nullable Pid from, Pid to, ExitReason reason);
}
