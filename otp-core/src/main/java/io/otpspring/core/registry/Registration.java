package io.otpspring.core.registry;

import java.util.Objects;

import io.otpspring.core.process.Pid;

/**
 * The outcome of {@link Registry#register}: the key was registered, or (unique keys only) another
 * live process holds it. Losing a race for a key is an ordinary outcome, not an exception.
 */
public sealed interface Registration {

    /** The process that holds the key now: the registrant, or the holder that kept it. */
    Pid owner();

    /** Whether the key was registered. */
    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The key was registered for {@code owner}. */
    record Ok(Pid owner) implements Registration {

        public Ok {
            Objects.requireNonNull(owner, "owner");
        }
    }

    /** The unique key is held by the live process {@code holder}; nothing changed. */
    record Taken(Pid holder) implements Registration {

        public Taken {
            Objects.requireNonNull(holder, "holder");
        }

        @Override
        public Pid owner() {
            return holder;
        }
    }
}
