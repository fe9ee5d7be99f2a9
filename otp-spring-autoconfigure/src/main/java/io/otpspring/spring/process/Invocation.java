package io.otpspring.spring.process;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * A method call on a process bean's proxy, as the message its process handles:
 * the handler called and its arguments.
 */
record Invocation(Handler handler, Object[] arguments) {

    /** The method to invoke. */
    Method method() {
        return handler.method();
    }

    @Override
    public String toString() {
        return method().getDeclaringClass().getSimpleName() + "." + method().getName() + Arrays.toString(arguments);
    }
}
