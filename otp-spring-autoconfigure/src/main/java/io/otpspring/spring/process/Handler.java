package io.otpspring.spring.process;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;

import org.jspecify.annotations.Nullable;
import org.springframework.util.ReflectionUtils;

/**
 * A method of a process bean class and what a call of it through the proxy becomes, with a method
 * handle that invokes it on a bean instance: made once per method, so that the process invokes it
 * without the access check and the exception wrapping of {@code Method.invoke} per message.
 *
 * @param invoker {@code (Object bean, Object[] arguments)Object}
 */
record Handler(HandlerKind kind, Method method, MethodHandle invoker) {

    private static final MethodType INVOKER = MethodType.methodType(Object.class, Object.class, Object[].class);

    /** The handler of {@code method}, made accessible if it is not public. */
    static Handler of(HandlerKind kind, Method method) {
        ReflectionUtils.makeAccessible(method);
        try {
            return new Handler(kind, method, MethodHandles.lookup().unreflect(method)
                    .asSpreader(Object[].class, method.getParameterCount()).asType(INVOKER));
        }
        catch (IllegalAccessException ex) {
            throw new IllegalStateException("cannot invoke " + method + ": " + ex.getMessage(), ex);
        }
    }

    /** Invokes the method on {@code bean}, throwing what it threw as is; {@code null} for a void method. */
    @Nullable Object invoke(Object bean, Object[] arguments) throws Exception {
        try {
            return (Object) invoker.invokeExact(bean, arguments);
        }
        catch (Exception | Error thrown) {
            throw thrown;
        }
        catch (Throwable thrown) {
            throw new UndeclaredThrowableException(thrown);
        }
    }
}
