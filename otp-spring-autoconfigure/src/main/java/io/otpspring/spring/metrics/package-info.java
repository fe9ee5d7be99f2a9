/**
 * Micrometer meters for the process tree: live processes, mailbox sizes of named processes,
 * crashes, restarts and dead letters, published by {@link io.otpspring.spring.metrics.ProcessMeters}.
 */
@NullMarked
package io.otpspring.spring.metrics;

import org.jspecify.annotations.NullMarked;
