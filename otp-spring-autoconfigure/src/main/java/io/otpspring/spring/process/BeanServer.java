package io.otpspring.spring.process;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.ProcessContext;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.util.ReflectionUtils;

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
    private final AutowireCapableBeanFactory beanFactory;
    private @Nullable Object instance;

    BeanServer(HandlerMethods handlers, Supplier<Object> instances, AutowireCapableBeanFactory beanFactory) {
        this.handlers = handlers;
        this.instances = instances;
        this.beanFactory = beanFactory;
    }

    @Override
    public void init(ProcessContext self) throws Exception {
        Object bean = instances.get();
        instance = bean;
        for (Method init : handlers.inits()) {
            invoke(bean, init, init.getParameterCount() == 0 ? new Object[0] : new Object[] { self });
        }
    }

    @Override
    public Reply handleCall(Object request, From from) throws Exception {
        Invocation invocation = (Invocation) request;
        Object result;
        try {
            result = invoke(bean(), invocation.method(), invocation.arguments());
        }
        catch (Exception | Error failure) {
            if (isDeclared(invocation.method(), failure)) {
                return Reply.of(new DeclaredFailure(failure));
            }
            throw failure;
        }
        if (result instanceof CompletableFuture<?> future) {
            future.whenComplete((value, error) -> from.reply(error == null ? value : new DeclaredFailure(unwrap(error))));
            return Reply.later();
        }
        return Reply.of(result);
    }

    @Override
    public void handleCast(Object message) throws Exception {
        Invocation invocation = (Invocation) message;
        invoke(bean(), invocation.method(), invocation.arguments());
    }

    @Override
    public void handleInfo(Object message) throws Exception {
        Method info = handlers.infoFor(message.getClass());
        if (info == null) {
            LOG.log(System.Logger.Level.DEBUG, () -> "process '" + handlers.beanName() + "' has no @Info method for "
                    + message.getClass().getName() + "; dropped " + message);
            return;
        }
        invoke(bean(), info, new Object[] { message });
    }

    @Override
    public void terminate(ExitReason reason) throws Exception {
        Object bean = instance;
        if (bean == null) {
            return;
        }
        try {
            for (Method terminate : handlers.terminates()) {
                invoke(bean, terminate, terminate.getParameterCount() == 0 ? new Object[0] : new Object[] { reason });
            }
        }
        finally {
            beanFactory.destroyBean(bean);
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
     * Invokes {@code method}, rethrowing what it threw as is. A call's method comes from the proxy,
     * a copy of the one {@link HandlerMethods} made accessible: a public method of a class that is
     * not public needs it too.
     */
    private static @Nullable Object invoke(Object target, Method method, Object[] arguments) throws Exception {
        ReflectionUtils.makeAccessible(method);
        try {
            return method.invoke(target, arguments);
        }
        catch (InvocationTargetException thrown) {
            Throwable cause = thrown.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        }
    }

    private static boolean isDeclared(Method method, Throwable failure) {
        for (Class<?> declared : method.getExceptionTypes()) {
            if (declared.isInstance(failure)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
