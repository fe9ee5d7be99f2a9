package io.otpspring.spring.process;

import io.otpspring.core.supervision.Strategy;
import io.otpspring.spring.annotation.Supervisor;

/**
 * A {@code @Supervisor} bean: a supervisor of the tree, named after the bean.
 *
 * @param intensity the restarts it allows, negative for the configured default
 * @param period the window of its intensity as written ({@code ""}: the configured default)
 */
record SupervisorBean(String name, Class<?> type, Strategy strategy, int intensity, String period, Placement placement) {

    static SupervisorBean of(String name, Class<?> type, Supervisor annotation) {
        return new SupervisorBean(name, type, annotation.strategy(), annotation.intensity(), annotation.period(),
                Placement.of(type));
    }
}
