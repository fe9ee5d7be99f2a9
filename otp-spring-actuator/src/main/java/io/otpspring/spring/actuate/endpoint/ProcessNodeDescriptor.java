package io.otpspring.spring.actuate.endpoint;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One process in the tree.
 *
 * @param name its registered name; a dynamic supervisor's child is {@code bean[key]} (or {@code bean<pid>})
 * @param type {@code supervisor} or {@code worker}
 * @param strategy a supervisor's restart strategy, lower case ({@code one_for_one}, ...)
 * @param status {@code running}, {@code restarting}, {@code terminated}, {@code unresponsive} (a
 *               supervisor that did not answer in time) or {@code down} (the root gave up)
 * @param pid its current incarnation, when running
 * @param restarts how many times its supervisor restarted it
 * @param recentRestarts how many of those lie within its supervisor's intensity period; for a
 *                       supervisor node, the restarts it made itself within its own period
 * @param mailbox messages waiting in its mailbox, when running
 * @param dynamic whether it is a dynamic supervisor
 * @param childCount a supervisor's children, all of them
 * @param children a supervisor's children; a dynamic supervisor lists the first page only
 */
public record ProcessNodeDescriptor(String name, String type, @Nullable String strategy, String status,
        @Nullable String pid, int restarts, int recentRestarts, @Nullable Integer mailbox, boolean dynamic,
        @Nullable Integer childCount, @Nullable List<ProcessNodeDescriptor> children) {
}
