package io.otpspring.core.process;

import java.util.Objects;

import io.otpspring.core.mailbox.MailboxSpec;
import org.jspecify.annotations.Nullable;

/**
 * How to spawn a process. Start from {@link #defaults()} and refine with the {@code with…} methods.
 *
 * @param name a name to register the process under on its node, or {@code null}
 * @param via a name to register it under elsewhere (a registry key), or {@code null}
 * @param mailbox the shape of its mailbox
 * @param trapExits whether it starts trapping exits
 * @param supervisor the supervisor that owns it: the two are linked, and when it exits its name and
 *                   queued messages are kept until the supervisor restarts or releases it
 * @param predecessor the dead incarnation this one replaces (a restart): it takes over its name
 *                    and, per {@code mailboxOnRestart}, its queued messages
 * @param mailboxOnRestart what happens to the predecessor's queued messages
 * @param label what kind of process it is (as {@code proc_lib:set_label} in Erlang), for telemetry:
 *              metrics tag it with its label, else its registered name. Supervisors set it (a static
 *              supervisor's child: its id; a dynamic supervisor's: the supervisor's label). Keep labels to
 *              a bounded set: a kind of process, never a per-request id
 */
public record SpawnOptions(@Nullable String name, @Nullable Via via, MailboxSpec mailbox, boolean trapExits,
        @Nullable Pid supervisor, @Nullable Pid predecessor, MailboxOnRestart mailboxOnRestart, @Nullable String label) {

    private static final SpawnOptions DEFAULTS = new SpawnOptions(null, null, MailboxSpec.unbounded(), false, null,
            null, MailboxOnRestart.KEEP, null);

    public SpawnOptions {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(mailboxOnRestart, "mailboxOnRestart");
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("a process name must not be blank");
        }
        if (label != null && label.isBlank()) {
            throw new IllegalArgumentException("a process label must not be blank");
        }
        if (name != null && via != null) {
            throw new IllegalArgumentException("a process has one name: '" + name + "' or " + via + ", not both");
        }
    }

    /** An anonymous, unsupervised process with an unbounded mailbox, not trapping exits. */
    public static SpawnOptions defaults() {
        return DEFAULTS;
    }

    /** The same, registered under {@code name}. */
    public SpawnOptions withName(@Nullable String name) {
        return new SpawnOptions(name, via, mailbox, trapExits, supervisor, predecessor, mailboxOnRestart, label);
    }

    /** The same, registered under {@code via} (a registry key, say) instead of a local name. */
    public SpawnOptions withName(@Nullable Via via) {
        return new SpawnOptions(name, via, mailbox, trapExits, supervisor, predecessor, mailboxOnRestart, label);
    }

    /** The same, with the given mailbox shape. */
    public SpawnOptions withMailbox(MailboxSpec mailbox) {
        return new SpawnOptions(name, via, mailbox, trapExits, supervisor, predecessor, mailboxOnRestart, label);
    }

    /** The same, trapping exits from the start. */
    public SpawnOptions withTrapExits(boolean trapExits) {
        return new SpawnOptions(name, via, mailbox, trapExits, supervisor, predecessor, mailboxOnRestart, label);
    }

    /** The same, owned by {@code supervisor} (which must trap exits). */
    public SpawnOptions withSupervisor(@Nullable Pid supervisor) {
        return new SpawnOptions(name, via, mailbox, trapExits, supervisor, predecessor, mailboxOnRestart, label);
    }

    /** The same, replacing the dead incarnation {@code predecessor}. */
    public SpawnOptions withPredecessor(@Nullable Pid predecessor, MailboxOnRestart mailboxOnRestart) {
        return new SpawnOptions(name, via, mailbox, trapExits, supervisor, predecessor, mailboxOnRestart, label);
    }

    /** The same, labelled {@code label} (shown where it has no registered name). */
    public SpawnOptions withLabel(@Nullable String label) {
        return new SpawnOptions(name, via, mailbox, trapExits, supervisor, predecessor, mailboxOnRestart, label);
    }
}
