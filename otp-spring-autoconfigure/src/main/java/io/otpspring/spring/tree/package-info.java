/**
 * The supervision tree derived from bean dependencies, as pure functions over plain records:
 * {@link io.otpspring.spring.tree.TreeDerivation} orders and nests the processes and supervisors
 * of an application, and rejects cycles with a message that names the beans.
 */
@NullMarked
package io.otpspring.spring.tree;

import org.jspecify.annotations.NullMarked;
