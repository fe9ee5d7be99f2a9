package io.otpspring.spring.process;

/** Names a handled message for traces: a process bean's method, else the message's type. */
public final class MessageNames {

    private MessageNames() {
    }

    /**
     * {@code Inventory.reserve} for a call or cast made through a process bean's proxy, else the
     * simple name of the message's class. Never the arguments: they may be sensitive.
     */
    public static String of(Object payload) {
        if (payload instanceof Invocation invocation) {
            return invocation.method().getDeclaringClass().getSimpleName() + "." + invocation.method().getName();
        }
        return payload.getClass().getSimpleName();
    }
}
