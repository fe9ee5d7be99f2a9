package io.otpspring.spring.process;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.mailbox.MailboxFullException;
import io.otpspring.core.process.ProcessRef;
import org.jspecify.annotations.Nullable;
import org.springframework.cglib.proxy.MethodInterceptor;

/**
 * The behaviour of the object other beans inject in place of a process bean: each call of one of
 * its methods becomes a message to whatever incarnation is registered under the bean's name now,
 * so the proxy stays valid across restarts. {@link ProxyClasses} gives each method of the class
 * the callback of its handler, so that a call looks nothing up.
 */
final class ProcessProxy {

    private static final Object[] NO_ARGUMENTS = {};

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

    /**
     * The callback of {@code handler}'s method. The message holds CGLIB's argument array, made for
     * this call; a call without arguments sends one message made in advance.
     */
    MethodInterceptor callbackOf(Handler handler) {
        Invocation withoutArguments = new Invocation(handler, NO_ARGUMENTS);
        return (proxy, method, arguments, superMethod) ->
                call(arguments.length == 0 ? withoutArguments : new Invocation(handler, arguments));
    }

    /** The callback of the methods the class does not list, whose handler is looked up at each call. */
    MethodInterceptor callbackOfUnlisted() {
        return (proxy, method, arguments, superMethod) -> call(new Invocation(handlers.handlerFor(method), arguments));
    }

    private @Nullable Object call(Invocation message) throws Throwable {
        HandlerKind kind = message.handler().kind();
        if (kind == HandlerKind.LIFECYCLE) {
            throw new UnsupportedOperationException(message.method().getName() + " of process '" + name
                    + "' is run by the process itself when it starts or stops; it cannot be called");
        }
        CallGuard.Permit permit = guard.admit();
        Object sent = send(kind, message, permit);
        return switch (kind) {
            case CALL -> {
                permit.completed(null);
                yield replied(sent);
            }
            case ASYNC_CALL -> ((CompletableFuture<?>) sent)
                    .whenComplete((reply, failure) -> permit.completed(failure))
                    .thenCompose(ProcessProxy::repliedAsync);
            case CAST, INFO -> {
                permit.sent();
                yield null;
            }
            case LIFECYCLE -> throw new IllegalStateException("lifecycle methods are refused above");
        };
    }

    /**
     * Sends {@code message} as {@code kind} says: a call's reply, an asynchronous call's future,
     * else {@code null}. A send that fails completes {@code permit} with the failure (a full
     * mailbox as the guard words it).
     */
    private @Nullable Object send(HandlerKind kind, Invocation message, CallGuard.Permit permit) {
        try {
            return switch (kind) {
                case CALL -> GenServer.call(process, message, callTimeout);
                case ASYNC_CALL -> GenServer.callAsync(process, message, callTimeout);
                case CAST -> {
                    GenServer.cast(process, message);
                    yield null;
                }
                case INFO -> {
                    process.send(message.arguments()[0]);
                    yield null;
                }
                case LIFECYCLE -> throw new IllegalStateException("lifecycle methods are refused before sending");
            };
        }
        catch (MailboxFullException full) {
            permit.completed(full);
            throw guard.rejected(full);
        }
        catch (RuntimeException | Error failure) {
            permit.completed(failure);
            throw failure;
        }
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
}
