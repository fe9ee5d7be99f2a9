/**
 * A cluster-wide registry of unique names, as Erlang's {@code :global} or Horde's registry:
 * {@link io.otpspring.cluster.registry.ClusterRegistry} namespaces on Hazelcast maps, whose names
 * work wherever a pid does through {@code via} names, with a {@link
 * io.otpspring.cluster.registry.ConflictMode} for what a split brain may do to them.
 */
@NullMarked
package io.otpspring.cluster.registry;

import org.jspecify.annotations.NullMarked;
