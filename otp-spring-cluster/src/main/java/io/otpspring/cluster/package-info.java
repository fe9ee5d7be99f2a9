/**
 * Processes across nodes on Hazelcast: {@link io.otpspring.cluster.Cluster} joins a node to the
 * others, so pids and names of processes on other nodes work as local ones do.
 */
@NullMarked
package io.otpspring.cluster;

import org.jspecify.annotations.NullMarked;
