package io.otpspring.core.supervision;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.mailbox.MailboxSpec;
import io.otpspring.core.process.MailboxOnRestart;
import io.otpspring.core.process.Via;
import org.jspecify.annotations.Nullable;

/**
 * How a supervisor starts, restarts and stops one child, as OTP's child specification.
 * Start from {@link #worker}, {@link #supervisor} or {@link #of}, then refine with the
 * {@code with…} methods.
 *
 * @param id unique among the supervisor's children
 * @param start how to start an incarnation
 * @param restart when to restart it ({@code PERMANENT} by default)
 * @param shutdown how to stop it (5 s for workers, infinity for supervisors)
 * @param type worker or supervisor
 * @param significant whether its exit can shut the supervisor down (see {@link AutoShutdown})
 * @param name a name to register each incarnation under on its node, or {@code null}
 * @param via a name to register each incarnation under elsewhere (a registry key), or {@code null}
 * @param mailbox the shape of its mailbox
 * @param mailboxOnRestart what happens to messages queued for a dead incarnation when it restarts
 * @param dependsOn the ids of earlier siblings this child depends on: under
 *                  {@link Strategy#DEPENDENTS_FOR_ONE} it restarts whenever one of them does
 * @param backoff the delays before restarting it when it keeps crashing, or {@code null} to restart at once
 */
public record ChildSpec(String id, ChildStart start, Restart restart, Shutdown shutdown, ChildType type,
        boolean significant, @Nullable String name, @Nullable Via via, MailboxSpec mailbox, MailboxOnRestart mailboxOnRestart,
        Set<String> dependsOn, @Nullable RestartBackoff backoff) {

    /** The default shutdown timeout of a worker, as in OTP. */
    public static final Duration DEFAULT_WORKER_SHUTDOWN = Duration.ofSeconds(5);

    public ChildSpec {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a child id must not be blank");
        }
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(restart, "restart");
        Objects.requireNonNull(shutdown, "shutdown");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(mailboxOnRestart, "mailboxOnRestart");
        dependsOn = Set.copyOf(dependsOn);
        if (dependsOn.contains(id)) {
            throw new IllegalArgumentException("child '" + id + "' cannot depend on itself");
        }
        if (significant && restart == Restart.PERMANENT) {
            throw new IllegalArgumentException("child '" + id + "': a significant child must be TRANSIENT or TEMPORARY");
        }
        if (name != null && via != null) {
            throw new IllegalArgumentException("child '" + id + "' has one name: '" + name + "' or " + via + ", not both");
        }
    }

    /** A permanent worker: a fresh {@code GenServer} from {@code factory} for every incarnation. */
    public static ChildSpec worker(String id, Supplier<? extends GenServer> factory) {
        Objects.requireNonNull(factory, "factory");
        return of(id, (node, options) -> GenServer.start(node, factory.get(), options));
    }

    /** A permanent worker started by {@code start}. */
    public static ChildSpec of(String id, ChildStart start) {
        return new ChildSpec(id, start, Restart.PERMANENT, Shutdown.timeout(DEFAULT_WORKER_SHUTDOWN), ChildType.WORKER,
                false, null, null, MailboxSpec.unbounded(), MailboxOnRestart.KEEP, Set.of(), null);
    }

    /**
     * A permanent child supervisor. A restarted supervisor starts its children afresh, so the
     * messages queued for its dead incarnation are dropped.
     */
    public static ChildSpec supervisor(String id, SupervisorSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return new ChildSpec(id, (node, options) -> Supervisor.start(node, spec, options), Restart.PERMANENT,
                Shutdown.infinity(), ChildType.SUPERVISOR, false, null, null, MailboxSpec.unbounded(), MailboxOnRestart.DROP, Set.of(), null);
    }

    /**
     * A permanent child dynamic supervisor, starting with no children; like {@link #supervisor}, it
     * waits for its children to stop and drops the messages queued for a dead incarnation.
     */
    public static ChildSpec dynamicSupervisor(String id, DynamicSupervisorSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return new ChildSpec(id, (node, options) -> DynamicSupervisor.start(node, spec, options), Restart.PERMANENT,
                Shutdown.infinity(), ChildType.SUPERVISOR, false, null, null, MailboxSpec.unbounded(),
                MailboxOnRestart.DROP, Set.of(), null);
    }

    /** The same child with another restart type. */
    public ChildSpec withRestart(Restart restart) {
        return new ChildSpec(id, start, restart, shutdown, type, significant, name, via, mailbox, mailboxOnRestart, dependsOn, backoff);
    }

    /** The same child with another shutdown. */
    public ChildSpec withShutdown(Shutdown shutdown) {
        return new ChildSpec(id, start, restart, shutdown, type, significant, name, via, mailbox, mailboxOnRestart, dependsOn, backoff);
    }

    /** The same child, significant or not. */
    public ChildSpec withSignificant(boolean significant) {
        return new ChildSpec(id, start, restart, shutdown, type, significant, name, via, mailbox, mailboxOnRestart, dependsOn, backoff);
    }

    /** The same child, registered under {@code name}. */
    public ChildSpec withName(@Nullable String name) {
        return new ChildSpec(id, start, restart, shutdown, type, significant, name, via, mailbox, mailboxOnRestart, dependsOn, backoff);
    }

    /** The same child, registered under {@code via} (a registry key, say) instead of a local name. */
    public ChildSpec withName(@Nullable Via via) {
        return new ChildSpec(id, start, restart, shutdown, type, significant, name, via, mailbox, mailboxOnRestart, dependsOn, backoff);
    }

    /** The same child with another mailbox shape. */
    public ChildSpec withMailbox(MailboxSpec mailbox) {
        return new ChildSpec(id, start, restart, shutdown, type, significant, name, via, mailbox, mailboxOnRestart, dependsOn, backoff);
    }

    /** The same child, depending on the earlier siblings {@code ids} (see {@link Strategy#DEPENDENTS_FOR_ONE}). */
    public ChildSpec withDependsOn(String... ids) {
        return new ChildSpec(id, start, restart, shutdown, type, significant, name, via, mailbox, mailboxOnRestart,
                Set.of(ids), backoff);
    }

    /** The same child, keeping or dropping queued messages across restarts. */
    public ChildSpec withMailboxOnRestart(MailboxOnRestart mailboxOnRestart) {
        return new ChildSpec(id, start, restart, shutdown, type, significant, name, via, mailbox, mailboxOnRestart, dependsOn, backoff);
    }

    /** The same child, restarted after the delays {@code backoff} gives rather than at once; {@code null}: at once. */
    public ChildSpec withRestartBackoff(@Nullable RestartBackoff backoff) {
        return new ChildSpec(id, start, restart, shutdown, type, significant, name, via, mailbox, mailboxOnRestart, dependsOn,
                backoff);
    }
}
