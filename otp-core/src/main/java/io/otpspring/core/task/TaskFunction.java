package io.otpspring.core.task;

/** The work of one stream item: like {@link java.util.function.Function}, but it may throw (which crashes its task). */
@FunctionalInterface
public interface TaskFunction<I, O> {

    /** Computes the result for {@code input}. */
    O apply(I input) throws Exception;
}
