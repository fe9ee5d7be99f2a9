/**
 * {@link io.otpspring.core.genserver.GenServer}: server processes with synchronous calls,
 * asynchronous casts and plain messages, as Erlang's {@code gen_server}.
 */
@NullMarked
package io.otpspring.core.genserver;

import org.jspecify.annotations.NullMarked;
