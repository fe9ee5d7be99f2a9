package io.otpspring.spring.process;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Names a handled message for traces: a process bean's method, else the message's type. */
public final class MessageNames {

    /** Names of handler methods, computed once each: every handled message asks for one. */
    private static final Map<Method, String> METHODS = new ConcurrentHashMap<>();

    private MessageNames() {
    }

    /**
     * {@code Inventory.reserve} for a call or cast made through a process bean's proxy, else the
     * simple name of the message's class. Never the arguments: they may be sensitive.
     */
    public static String of(Object payload) {
        if (payload instanceof Invocation invocation) {
            return METHODS.computeIfAbsent(invocation.method(),
                    method -> method.getDeclaringClass().getSimpleName() + "." + method.getName());
        }
        return payload.getClass().getSimpleName();
    }
}
