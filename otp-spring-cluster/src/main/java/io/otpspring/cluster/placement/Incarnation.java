package io.otpspring.cluster.placement;

import io.otpspring.core.process.Pid;

/** A key's process on this node, and the epoch it holds the key under. */
record Incarnation(Pid pid, long epoch) {
}
