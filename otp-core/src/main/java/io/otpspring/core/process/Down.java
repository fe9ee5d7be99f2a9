package io.otpspring.core.process;

/**
 * The message a monitoring process receives when the process it monitors exits (or was not alive
 * when the monitor was set, with reason {@link ExitReason#NOPROC}).
 *
 * @param ref the monitor this notice closes
 * @param pid the process that exited
 * @param reason why it exited
 */
public record Down(MonitorRef ref, Pid pid, ExitReason reason) {
}
