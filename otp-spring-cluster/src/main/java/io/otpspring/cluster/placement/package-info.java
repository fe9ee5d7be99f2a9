/**
 * Processes placed across the cluster by key, with their state: {@link
 * io.otpspring.cluster.placement.DistributedSupervisor} and {@link
 * io.otpspring.cluster.placement.ClusterSingleton}.
 *
 * <h2>How it works</h2>
 * <ul>
 * <li><b>Where</b>: a key runs on the node that owns the key's partition of the supervisor's map
 *     ({@code otp.placement.<name>}). That map holds one slot per wanted key: the node holding it,
 *     the epoch it holds it under, its pid, and its last saved state (with a backup copy).</li>
 * <li><b>Fencing</b>: every start of a key on a node claims it: an entry processor compares the
 *     slot with what the node saw and takes the next epoch. A process's saves (its
 *     {@link io.otpspring.cluster.placement.Checkpoint}) are accepted only while the slot still
 *     names its node and epoch; a refused process stops with {@code {shutdown, fenced}}.</li>
 * <li><b>Reconcile</b>: each node has an agent that, on membership and migration events and on a
 *     timer, stops the processes whose slot is gone or names another node or epoch, hands off those
 *     whose partition moved (stop, saving in {@code terminate}; release; tell the new owner), and
 *     starts the keys of its own partitions that are released or held by a node that is gone.</li>
 * <li><b>Locally</b>, the processes are transient children of the node's own dynamic supervisor:
 *     a crash restarts them there (a new claim, from the last saved state).</li>
 * </ul>
 * The design is AP (no CP subsystem in Hazelcast's community edition): while the cluster is split,
 * each side runs the keys it owns; after the merge, the surviving slot fences the other's processes.
 */
@NullMarked
package io.otpspring.cluster.placement;

import org.jspecify.annotations.NullMarked;
