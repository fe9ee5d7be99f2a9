package io.otpspring.spring.process;

import java.time.Duration;

import io.otpspring.core.mailbox.MailboxSpec;
import io.otpspring.core.process.MailboxOnRestart;
import io.otpspring.core.supervision.DynamicSupervisorSpec;
import org.jspecify.annotations.Nullable;

/** The configured defaults for process beans, with per-process overrides by bean name. */
public interface ProcessSettings {

    /** How long a call through the proxy of process {@code name} waits for its reply. */
    Duration callTimeout(String name);

    /** The mailbox of process {@code name}. */
    MailboxSpec mailbox(String name);

    /** What a restart of process {@code name} does with the messages queued for its dead incarnation. */
    MailboxOnRestart mailboxOnRestart(String name);

    /** The most processes a prototype process bean {@code name} runs at once (one per key); unlimited by default. */
    default int maxChildren(String name) {
        return DynamicSupervisorSpec.UNLIMITED;
    }

    /**
     * The restart backoff of process {@code name}: configured for it, else {@code annotated} (from
     * its {@code @Supervised}), else the configured default; {@code null}: restarts at once.
     */
    default @Nullable BackoffSettings restartBackoff(String name, @Nullable BackoffSettings annotated) {
        return annotated;
    }

    /** The circuit breaker instance configured for process {@code name}, else {@code annotated}; {@code null}: none. */
    default @Nullable String circuitBreaker(String name, @Nullable String annotated) {
        return annotated;
    }

    /** The restarts a supervisor allows within {@link #period()}, unless its annotation says otherwise. */
    int intensity();

    /** The window of {@link #intensity()}. */
    Duration period();
}
