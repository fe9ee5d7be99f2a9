package io.otpspring.core.process;

/**
 * What happens to the messages still queued for an incarnation that exited, when its supervisor
 * starts a new one. The message being handled at a crash is never retried.
 */
public enum MailboxOnRestart {

    /** The new incarnation receives them, in order, before anything sent later. */
    KEEP,

    /** They are dropped and published as dead letters. */
    DROP
}
