/**
 * How a {@link io.otpspring.spring.annotation.GenServer @GenServer} bean becomes a process: its
 * definition is split into a prototype target (a fresh instance per incarnation) and a proxy that
 * turns method calls into messages; {@link io.otpspring.spring.process.BeanServer} runs the target
 * in the process.
 */
@NullMarked
package io.otpspring.spring.process;

import org.jspecify.annotations.NullMarked;
