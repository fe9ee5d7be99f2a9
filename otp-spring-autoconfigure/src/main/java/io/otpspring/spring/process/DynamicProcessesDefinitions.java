package io.otpspring.spring.process;

import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.otpspring.core.process.Node;
import io.otpspring.core.process.Via;
import io.otpspring.core.supervision.RestartBackoff;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * The definition of the {@link DynamicProcesses} bean that takes the place of a prototype-scoped
 * process bean: typed {@code DynamicProcesses<T>} for injection, and building each key's handle
 * and child spec.
 */
final class DynamicProcessesDefinitions {

    private DynamicProcessesDefinitions() {
    }

    static RootBeanDefinition definition(BeanDefinitionRegistry registry, ProcessBean process) {
        RootBeanDefinition definition = new RootBeanDefinition(DynamicProcesses.class);
        definition.setTargetType(ResolvableType.forClassWithGenerics(DynamicProcesses.class, handleType(process)));
        definition.setInstanceSupplier(() -> create((ConfigurableListableBeanFactory) registry, process));
        return definition;
    }

    private static ResolvableType handleType(ProcessBean process) {
        return switch (process.kind()) {
            case GEN_SERVER -> ResolvableType.forClass(process.type());
            case STATE_MACHINE -> ResolvableType.forClassWithGenerics(StateMachineHandle.class,
                    StateMachineHandles.stateType(process));
        };
    }

    private static DynamicProcesses<Object> create(ConfigurableListableBeanFactory beanFactory, ProcessBean process) {
        Node node = beanFactory.getBean(Node.class);
        ProcessSettings settings = beanFactory.getBean(ProcessSettings.class);
        String name = process.name();
        ClassLoader classLoader = beanFactory.getBeanClassLoader() != null ? beanFactory.getBeanClassLoader()
                : ClassUtils.getDefaultClassLoader();
        CallGuard guard = process.kind() == ProcessBean.Kind.GEN_SERVER
                ? ProcessProxyCreator.guardOf(beanFactory, process, settings) : CallGuard.NONE;
        RestartBackoff backoff = ProcessStarts.restartBackoff(beanFactory, process, settings);
        BiFunction<Object, Via, Object> handles = (key, via) -> switch (process.kind()) {
            case GEN_SERVER -> ProcessProxyCreator.proxy(process, name + "/" + key, via, settings.callTimeout(name),
                    guard, classLoader);
            case STATE_MACHINE -> StateMachineHandles.handle(beanFactory, process, name + "/" + key, via);
        };
        // crash reports name the key; metrics tag the process with its dynamic supervisor's label, the bean name
        DynamicProcesses.ChildSpecs<Object> childSpecs = (key, arguments, handle) -> ProcessStarts.childSpec(
                name + "/" + key, process, ProcessStarts.of(beanFactory, process, instances(beanFactory, process, arguments),
                        handle instanceof StateMachineHandle<?> machine ? stateMachineHandle(machine) : null),
                settings, backoff);
        return new DynamicProcesses<>(name, node, handles, childSpecs);
    }

    /** A fresh prototype instance per incarnation, built with the key's constructor arguments. */
    private static Supplier<Object> instances(ConfigurableListableBeanFactory beanFactory, ProcessBean process,
            Object[] arguments) {
        return () -> arguments.length == 0 ? beanFactory.getBean(process.targetBeanName())
                : beanFactory.getBean(process.targetBeanName(), arguments);
    }

    @SuppressWarnings("unchecked")
    private static StateMachineHandle<Object> stateMachineHandle(StateMachineHandle<?> handle) {
        return (StateMachineHandle<Object>) handle;
    }
}
