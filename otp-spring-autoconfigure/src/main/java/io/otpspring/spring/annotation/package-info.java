/**
 * The annotations that turn Spring beans into processes: {@link io.otpspring.spring.annotation.GenServer}
 * with its handler annotations, and {@link io.otpspring.spring.annotation.Supervised} /
 * {@link io.otpspring.spring.annotation.Supervisor} to shape the supervision tree.
 */
@NullMarked
package io.otpspring.spring.annotation;

import org.jspecify.annotations.NullMarked;
