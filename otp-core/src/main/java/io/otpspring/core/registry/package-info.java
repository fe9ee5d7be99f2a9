/**
 * Registries, as Elixir's {@code Registry}: {@link io.otpspring.core.registry.Registry} namespaces
 * in which processes hold unique or duplicate keys, each entry with a value; lookups, pub/sub
 * {@code dispatch} and {@code via} names that work wherever a pid does. An entry goes when its
 * process exits.
 */
@NullMarked
package io.otpspring.core.registry;

import org.jspecify.annotations.NullMarked;
