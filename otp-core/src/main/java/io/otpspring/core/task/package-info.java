/**
 * Supervised tasks, as Elixir's {@code Task.Supervisor}: one-off work run as temporary processes
 * under a {@link io.otpspring.core.task.TaskSupervisor}, awaited as a value or an exit.
 */
@NullMarked
package io.otpspring.core.task;

import org.jspecify.annotations.NullMarked;
