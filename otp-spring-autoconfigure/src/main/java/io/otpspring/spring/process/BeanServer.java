package io.otpspring.spring.process;

import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.ProcessContext;
import org.jspecify.annotations.Nullable;

/**
 * Runs one incarnation of a process bean: gets a bean instance when it starts, invokes the
 * instance's methods for the calls, casts and messages it receives, and destroys the instance when
 * it stops. An exception the method declares becomes the caller's reply; any other crashes the
 * process.
 */
final class BeanServer implements GenServer {

    private static final System.Logger LOG = System.getLogger(BeanServer.class.getName());

    private final HandlerMethods handlers;
    private final Supplier<Object> instances;
    private final Consumer<Object> destroy;
    private @Nullable Object instance;

    /** {@code destroy} runs an instance's destroy callbacks once its incarnation stops or fails to start. */
    BeanServer(HandlerMethods handlers, Supplier<Object> instances, Consumer<Object> destroy) {
        this.handlers = handlers;
        this.instances = instances;
        this.destroy = destroy;
    }

    @Override
    public void init(ProcessContext self) throws Exception {
        Object bean = instances.get();
        try {
            for (Handler init : handlers.inits()) {
                init.invoke(bean, init.method().getParameterCount() == 0 ? new Object[0] : new Object[] { self });
            }
        }
        catch (Exception | Error failure) {
            destroy.accept(bean);
            throw failure;
        }
        instance = bean;
    }

    @Override
    public Reply handleCall(Object request, From from) throws Exception {
        Invocation invocation = (Invocation) request;
        Object result;
        try {
            result = invocation.handler().invoke(bean(), invocation.arguments());
        }
        catch (Exception | Error failure) {
            if (isDeclared(invocation.method(), failure)) {
                return Reply.of(new DeclaredFailure(failure));
            }
            throw failure;
        }
        if (invocation.handler().kind() == HandlerKind.ASYNC_CALL && result instanceof CompletionStage<?> stage) {
            stage.whenComplete((value, error) -> from.reply(error == null ? value : new DeclaredFailure(unwrap(error))));
            return Reply.later();
        }
        return Reply.of(result);
    }

    @Override
    public void handleCast(Object message) throws Exception {
        Invocation invocation = (Invocation) message;
        invocation.handler().invoke(bean(), invocation.arguments());
    }

    @Override
    public void handleInfo(Object message) throws Exception {
        Handler info = handlers.infoFor(message.getClass());
        if (info == null) {
            LOG.log(System.Logger.Level.DEBUG, () -> "process '" + handlers.beanName() + "' has no @Info method for "
                    + message.getClass().getName() + "; dropped " + message);
            return;
        }
        info.invoke(bean(), new Object[] { message });
    }

    @Override
    public void terminate(ExitReason reason) throws Exception {
        Object bean = instance;
        if (bean == null) {
            return;
        }
        try {
            for (Handler terminate : handlers.terminates()) {
                terminate.invoke(bean,
                        terminate.method().getParameterCount() == 0 ? new Object[0] : new Object[] { reason });
            }
        }
        finally {
            destroy.accept(bean);
        }
    }

    private Object bean() {
        Object bean = instance;
        if (bean == null) {
            throw new IllegalStateException("process '" + handlers.beanName() + "' has no bean instance");
        }
        return bean;
    }

    /**
     * Whether {@code method} declares {@code failure}: a checked exception of a declared type, or an
     * unchecked one whose declared type is narrower than {@code RuntimeException} or {@code Error}
     * (so that {@code throws Exception} does not turn every crash into a business error).
     */
    private static boolean isDeclared(Method method, Throwable failure) {
        boolean unchecked = failure instanceof RuntimeException || failure instanceof Error;
        for (Class<?> declared : method.getExceptionTypes()) {
            if (declared.isInstance(failure) && (!unchecked || isNarrowUnchecked(declared))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNarrowUnchecked(Class<?> declared) {
        return RuntimeException.class.isAssignableFrom(declared) && declared != RuntimeException.class
                || Error.class.isAssignableFrom(declared) && declared != Error.class;
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
