package io.otpspring.spring.process;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.mailbox.MailboxFullException;
import io.otpspring.core.process.ProcessRef;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.util.ReflectionUtils;

/**
 * The behaviour of the object other beans inject in place of a process bean: each method call
 * becomes a message to whatever incarnation is registered under the bean's name now, so the proxy
 * stays valid across restarts.
 */
final class ProcessProxy implements MethodInterceptor {

    private final String name;
    private final ProcessRef process;
    private final HandlerMethods handlers;
    private final Duration callTimeout;
    private final CallGuard guard;

    ProcessProxy(String name, ProcessRef process, HandlerMethods handlers, Duration callTimeout, CallGuard guard) {
        this.name = name;
        this.process = process;
        this.handlers = handlers;
        this.callTimeout = callTimeout;
        this.guard = guard;
    }

    @Override
    public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
        Method method = invocation.getMethod();
        if (ReflectionUtils.isObjectMethod(method)) {
            return objectMethod(invocation);
        }
        Object[] arguments = invocation.getArguments().clone();
        HandlerMethods.Handler handler = handlers.handlerFor(method);
        if (handler.kind() == HandlerKind.LIFECYCLE) {
            throw new UnsupportedOperationException(method.getName() + " of process '" + name
                    + "' is run by the process itself when it starts or stops; it cannot be called");
        }
        Invocation message = new Invocation(handler.method(), arguments);
        CallGuard.Permit permit = guard.admit();
        return switch (handler.kind()) {
            case CALL -> replied(guarded(permit, Outcome.ANSWERED, () -> GenServer.call(process, message, callTimeout)));
            case ASYNC_CALL -> guarded(permit, Outcome.LATER, () -> GenServer.callAsync(process, message, callTimeout))
                    .whenComplete((reply, failure) -> permit.completed(failure))
                    .thenCompose(ProcessProxy::repliedAsync);
            case CAST -> guarded(permit, Outcome.NONE, () -> {
                GenServer.cast(process, message);
                return null;
            });
            case INFO -> guarded(permit, Outcome.NONE, () -> {
                process.send(arguments[0]);
                return null;
            });
            case LIFECYCLE -> throw new IllegalStateException("lifecycle methods are refused above");
        };
    }

    /** When a message that was sent has its outcome, for the guard. */
    private enum Outcome {
        /** A call: it has been answered. */
        ANSWERED,
        /** An asynchronous call: its future completes the permit. */
        LATER,
        /** A cast or plain message: it has none. */
        NONE
    }

    /**
     * Sends through {@code permit}: a send that fails completes it with the failure (a full
     * mailbox as the guard words it); otherwise {@code outcome} says how the permit ends.
     */
    private <T> @Nullable T guarded(CallGuard.Permit permit, Outcome outcome, Supplier<T> send) {
        T result;
        try {
            result = send.get();
        }
        catch (MailboxFullException full) {
            permit.completed(full);
            throw guard.rejected(full);
        }
        catch (RuntimeException | Error failure) {
            permit.completed(failure);
            throw failure;
        }
        switch (outcome) {
            case ANSWERED -> permit.completed(null);
            case NONE -> permit.sent();
            case LATER -> { }
        }
        return result;
    }

    private static @Nullable Object replied(@Nullable Object reply) throws Throwable {
        if (reply instanceof DeclaredFailure failure) {
            throw failure.exception();
        }
        return reply;
    }

    private static CompletableFuture<@Nullable Object> repliedAsync(@Nullable Object reply) {
        if (reply instanceof DeclaredFailure failure) {
            return CompletableFuture.failedFuture(failure.exception());
        }
        return CompletableFuture.completedFuture(reply);
    }

    private Object objectMethod(MethodInvocation invocation) {
        Object proxy = ((ProxyMethodInvocation) invocation).getProxy();
        return switch (invocation.getMethod().getName()) {
            case "equals" -> proxy == invocation.getArguments()[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "process bean '" + name + "'";
            default -> throw new UnsupportedOperationException(invocation.getMethod().getName() + " of process '"
                    + name + "' cannot be called through its proxy");
        };
    }
}
