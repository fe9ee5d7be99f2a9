package io.otpspring.spring.process;

/** What a call through a process bean's proxy becomes. */
enum HandlerKind {
    /** A call: the caller waits for the result. */
    CALL,
    /** A call whose result comes as a {@code CompletableFuture}. */
    ASYNC_CALL,
    /** A cast: queued, no result. */
    CAST,
    /** A plain message: the argument is sent as is. */
    INFO,
    /** {@code @Init} / {@code @Terminate}: run by the process only, never through the proxy. */
    LIFECYCLE
}
