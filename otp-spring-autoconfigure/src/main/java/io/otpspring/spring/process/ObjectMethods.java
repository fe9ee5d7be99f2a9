package io.otpspring.spring.process;

import java.lang.reflect.Method;

import org.springframework.cglib.proxy.MethodInterceptor;
import org.springframework.cglib.proxy.MethodProxy;

/**
 * {@code Object}'s methods on a process bean's proxy, answered by the proxy itself: equal only to
 * itself, and named after its process; {@code clone} is refused.
 */
final class ObjectMethods implements MethodInterceptor {

    private final String name;

    ObjectMethods(String name) {
        this.name = name;
    }

    @Override
    public Object intercept(Object proxy, Method method, Object[] arguments, MethodProxy superMethod) {
        return switch (method.getName()) {
            case "equals" -> proxy == arguments[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "process bean '" + name + "'";
            default -> throw new UnsupportedOperationException(method.getName() + " of process '" + name
                    + "' cannot be called through its proxy");
        };
    }
}
