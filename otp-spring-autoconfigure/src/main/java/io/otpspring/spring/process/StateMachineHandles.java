package io.otpspring.spring.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.otpspring.core.process.Node;
import io.otpspring.core.process.ProcessRef;
import io.otpspring.core.statem.GenStateMachine;
import io.otpspring.core.statem.TransitionListener;
import io.otpspring.spring.annotation.Supervisor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.function.SingletonSupplier;

/** How a {@code @GenStateMachine} bean is checked, and the definition of the handle others inject. */
final class StateMachineHandles {

    private StateMachineHandles() {
    }

    /**
     * Checks that {@code type} can run as a state machine process.
     *
     * @throws ProcessDefinitionException when it does not implement {@link GenStateMachine} or is also a supervisor
     */
    static ProcessBean check(String name, Class<?> type, boolean perKey) {
        if (!GenStateMachine.class.isAssignableFrom(type)) {
            throw new ProcessDefinitionException("bean '" + name + "' (" + type.getName() + ") is @GenStateMachine but "
                    + "does not implement io.otpspring.core.statem.GenStateMachine<S>; implement it");
        }
        if (AnnotatedElementUtils.hasAnnotation(type, Supervisor.class)) {
            throw new ProcessDefinitionException("bean '" + name + "' (" + type.getName() + ") is both "
                    + "@GenStateMachine and @Supervisor; a supervisor runs no code of its own: split it in two classes");
        }
        return ProcessBean.stateMachine(name, type, perKey);
    }

    /**
     * The definition of the {@link StateMachineHandle} of {@code process}, typed with its state type
     * so that it is injectable as {@code StateMachineHandle<S>}.
     */
    static RootBeanDefinition definition(BeanDefinitionRegistry registry, ProcessBean process) {
        ResolvableType state = stateType(process);
        RootBeanDefinition definition = new RootBeanDefinition(StateMachineHandle.class);
        definition.setTargetType(ResolvableType.forClassWithGenerics(StateMachineHandle.class, state));
        definition.setInstanceSupplier(() -> handle((ConfigurableListableBeanFactory) registry, process));
        return definition;
    }

    private static StateMachineHandle<Object> handle(ConfigurableListableBeanFactory beanFactory, ProcessBean process) {
        Node node = beanFactory.getBean(Node.class);
        return handle(beanFactory, process, process.name(), node.named(process.name()));
    }

    /** A handle of machine {@code name}, labelled {@code label}, reaching it through {@code machine}. */
    static StateMachineHandle<Object> handle(ConfigurableListableBeanFactory beanFactory, ProcessBean process,
            String label, ProcessRef machine) {
        Duration callTimeout = beanFactory.getBean(ProcessSettings.class).callTimeout(process.name());
        Class<?> state = stateType(process).resolve(Object.class);
        return new StateMachineHandle<>(label, machine, callTimeout, listenersFor(beanFactory, state));
    }

    /** The state type {@code S} of a state machine bean's {@code GenStateMachine<S>}. */
    static ResolvableType stateType(ProcessBean process) {
        return ResolvableType.forClass(process.type()).as(GenStateMachine.class).getGeneric(0);
    }

    /**
     * The {@link TransitionListener} beans for machines of {@code stateType}: those declared for
     * that type or a supertype of it (a {@code TransitionListener<Object>} hears every machine).
     * Looked up at the first transition, once every singleton exists.
     */
    @SuppressWarnings("unchecked")
    private static TransitionListener<Object> listenersFor(ConfigurableListableBeanFactory beanFactory,
            Class<?> stateType) {
        SingletonSupplier<List<TransitionListener<Object>>> listeners = SingletonSupplier.of(() -> {
            List<TransitionListener<Object>> found = new ArrayList<>();
            for (String name : beanFactory.getBeanNamesForType(TransitionListener.class)) {
                if (heardType(beanFactory, name).isAssignableFrom(stateType)) {
                    found.add(beanFactory.getBean(name, TransitionListener.class));
                }
            }
            return List.copyOf(found);
        });
        return change -> listeners.obtain().forEach(listener -> listener.onTransition(change));
    }

    /** The state type a listener bean is declared for: from its definition, else its class, else {@code Object}. */
    private static Class<?> heardType(ConfigurableListableBeanFactory beanFactory, String name) {
        ResolvableType declared = beanFactory.containsBeanDefinition(name)
                ? beanFactory.getMergedBeanDefinition(name).getResolvableType()
                : ResolvableType.forClass(beanFactory.getType(name));
        return declared.as(TransitionListener.class).getGeneric(0).resolve(Object.class);
    }
}
