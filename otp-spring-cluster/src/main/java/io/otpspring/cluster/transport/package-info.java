/**
 * How signals travel between nodes: a Hazelcast topic per node, signals written field by field,
 * users' messages through Hazelcast's serialization or JSON, and the bookkeeping of calls, links
 * and monitors across nodes.
 */
@NullMarked
package io.otpspring.cluster.transport;

import org.jspecify.annotations.NullMarked;
