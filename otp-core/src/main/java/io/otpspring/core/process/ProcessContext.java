package io.otpspring.core.process;

import org.jspecify.annotations.Nullable;

/**
 * What a process can do as itself: link, monitor, trap exits, signal others, spawn linked
 * processes and stop. Handed to {@link Behavior#init(ProcessContext)}; use it only from the
 * process's own handlers.
 */
public interface ProcessContext {

    /** This incarnation. */
    Pid self();

    /** What this process is called: its label, else its registered name, else {@code anonymous}. */
    String label();

    /** The node this process runs on. */
    Node node();

    /** The supervisor that started this process, if any. */
    @Nullable
    Pid parent();

    /**
     * Links this process to {@code other}: when either exits abnormally the other receives an
     * exit signal. Linking to a process that is not alive delivers an exit signal with reason
     * {@code noproc} at once.
     */
    void link(ProcessRef other);

    /** Removes the link to {@code other}, if any. */
    void unlink(ProcessRef other);

    /**
     * Monitors {@code target}: a {@link Down} message arrives when it exits, or at once with
     * reason {@code noproc} when it is not alive.
     *
     * @throws ExitException with reason {@code noproc} when {@code target} is a name nothing is
     *         registered under (there is no pid to put in a {@code Down})
     */
    MonitorRef monitor(ProcessRef target);

    /** Removes a monitor; a {@link Down} already delivered stays in the mailbox. */
    void demonitor(MonitorRef ref);

    /**
     * Whether exit signals from links (and {@code exit(pid, reason)} other than {@code kill}) arrive
     * as {@link Exit} messages instead of ending this process.
     */
    void trapExits(boolean trap);

    /** Whether this process traps exits. */
    boolean trapsExits();

    /**
     * Sends an exit signal to {@code target}: {@code kill} ends it unconditionally; other reasons
     * end it unless it traps exits ({@code normal} is ignored then). A dead process sends none.
     */
    void exit(ProcessRef target, ExitReason reason);

    /** Spawns a process linked to this one; a leftover thread of a dead process gets an {@link ExitException}. */
    Pid spawnLink(Behavior behavior, SpawnOptions options);

    /**
     * Stops this process once the current handler returns: {@link Behavior#terminate} runs with
     * {@code reason}, then the process exits with it. Called from {@code init}, it fails the start.
     */
    void stop(ExitReason reason);

    /**
     * Keeps a message whose sender waits for an answer beyond the current handler (a call to be
     * answered later): if this process exits first, the sender is told at once instead of timing
     * out. For protocol implementations such as {@code GenServer}.
     */
    void awaitAnswer(Awaited message);
}
