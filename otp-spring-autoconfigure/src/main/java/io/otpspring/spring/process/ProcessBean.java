package io.otpspring.spring.process;

/**
 * A {@code @GenServer} bean: its name (also its registered process name), its class, the
 * prototype definition that builds an instance per incarnation, its handlers and its placement.
 */
record ProcessBean(String name, Class<?> type, String targetBeanName, HandlerMethods handlers, Placement placement) {

    /** The name of the prototype definition behind process bean {@code name}. */
    static String targetBeanName(String name) {
        return "otp.target." + name;
    }
}
