package io.otpspring.core.process;

/**
 * A message carrying the context its sender's {@link io.otpspring.core.telemetry.Telemetry}
 * captured, to be restored around its handler. Only the runtime sees it: handlers, dead letters
 * and successors' handlers get the message itself. A traced call stays {@link Awaited}, so it is
 * failed like any other call when it cannot be answered.
 */
sealed interface Traced {

    Object message();

    Object context();

    /** {@code message} with {@code context} attached. */
    static Object wrap(Object message, Object context) {
        return message instanceof Awaited call ? new TracedCall(call, context) : new TracedMessage(message, context);
    }

    /** The message itself, whether traced or not. */
    static Object unwrap(Object message) {
        return message instanceof Traced traced ? traced.message() : message;
    }

    /** A traced message that is not a call. */
    record TracedMessage(Object message, Object context) implements Traced {
    }

    /** A traced call. */
    record TracedCall(Awaited message, Object context) implements Traced, Awaited {

        @Override
        public void fail(RuntimeException error) {
            message.fail(error);
        }

        @Override
        public boolean isSettled() {
            return message.isSettled();
        }
    }
}
