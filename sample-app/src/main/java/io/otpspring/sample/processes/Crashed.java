package io.otpspring.sample.processes;

/**
 * What {@code POST /api/crash/{process}} reports: the incarnation that crashed and why. Its
 * supervisor is restarting it; {@code GET /api/processes} shows the new pid.
 *
 * @param process the process name
 * @param pid the incarnation that crashed
 * @param reason its exit reason
 */
public record Crashed(String process, String pid, String reason) {
}
