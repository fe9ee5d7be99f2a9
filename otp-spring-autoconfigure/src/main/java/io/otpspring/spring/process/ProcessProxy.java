package io.otpspring.spring.process;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.otpspring.core.genserver.GenServer;
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

    ProcessProxy(String name, ProcessRef process, HandlerMethods handlers, Duration callTimeout) {
        this.name = name;
        this.process = process;
        this.handlers = handlers;
        this.callTimeout = callTimeout;
    }

    @Override
    public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
        Method method = invocation.getMethod();
        if (ReflectionUtils.isObjectMethod(method)) {
            return objectMethod(invocation);
        }
        Object[] arguments = invocation.getArguments().clone();
        HandlerMethods.Handler handler = handlers.handlerFor(method);
        return switch (handler.kind()) {
            case CALL -> replied(GenServer.call(process, new Invocation(handler.method(), arguments), callTimeout));
            case ASYNC_CALL -> GenServer.callAsync(process, new Invocation(handler.method(), arguments), callTimeout)
                    .thenCompose(ProcessProxy::repliedAsync);
            case CAST -> {
                GenServer.cast(process, new Invocation(handler.method(), arguments));
                yield null;
            }
            case INFO -> {
                process.send(arguments[0]);
                yield null;
            }
            case LIFECYCLE -> throw new UnsupportedOperationException(method.getName() + " of process '" + name
                    + "' is run by the process itself when it starts or stops; it cannot be called");
        };
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
