package io.otpspring.spring.process;

import java.lang.reflect.Method;
import java.util.Arrays;

/** A method call on a process bean's proxy, as the message its process handles. */
record Invocation(Method method, Object[] arguments) {

    @Override
    public String toString() {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + Arrays.toString(arguments);
    }
}
