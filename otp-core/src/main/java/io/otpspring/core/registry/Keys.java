package io.otpspring.core.registry;

/** Whether a key of a registry names one process or many, as Elixir's {@code keys:} option. */
public enum Keys {

    /** A key is held by at most one live process: a name. */
    UNIQUE,

    /** A key may be held by many processes, each any number of times: a topic. */
    DUPLICATE
}
