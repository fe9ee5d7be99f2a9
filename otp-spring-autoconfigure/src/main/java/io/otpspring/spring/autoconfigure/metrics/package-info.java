/** Auto-configuration of the process tree's Micrometer meters and Observations. */
@NullMarked
package io.otpspring.spring.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
