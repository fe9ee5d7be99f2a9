package io.otpspring.spring.process;

import org.jspecify.annotations.Nullable;

/**
 * A process bean: its name (also its registered process name), its class, the prototype
 * definition that builds an instance per incarnation, its placement, and what runs it.
 *
 * @param kind a {@code @GenServer} or a {@code @GenStateMachine}
 * @param handlers the handlers of a {@code @GenServer}; {@code null} for a state machine
 * @param perKey whether it is a prototype bean run as a process per key ({@link DynamicProcesses})
 *               rather than one process
 */
record ProcessBean(String name, Class<?> type, String targetBeanName, Placement placement, Kind kind,
        @Nullable HandlerMethods handlers, boolean perKey) {

    /** What runs a process bean. */
    enum Kind {
        /** A {@code @GenServer}: {@link BeanServer} invokes its methods. */
        GEN_SERVER,
        /** A {@code @GenStateMachine}: the core state machine engine runs it. */
        STATE_MACHINE
    }

    static ProcessBean genServer(String name, Class<?> type, boolean perKey) {
        return new ProcessBean(name, type, targetBeanName(name), Placement.of(type), Kind.GEN_SERVER,
                HandlerMethods.of(name, type), perKey);
    }

    static ProcessBean stateMachine(String name, Class<?> type, boolean perKey) {
        return new ProcessBean(name, type, targetBeanName(name), Placement.of(type), Kind.STATE_MACHINE, null, perKey);
    }

    /** The handlers of a {@code @GenServer}. */
    HandlerMethods genServerHandlers() {
        if (handlers == null) {
            throw new IllegalStateException("bean '" + name + "' is a state machine, not a @GenServer");
        }
        return handlers;
    }

    /** The name of the prototype definition behind process bean {@code name}. */
    static String targetBeanName(String name) {
        return "otp.target." + name;
    }
}
