package io.otpspring.spring.process;

import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Via;
import io.otpspring.core.statem.GenStateMachine;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.ChildStart;
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
                    ResolvableType.forClass(process.type()).as(GenStateMachine.class).getGeneric(0));
        };
    }

    private static DynamicProcesses<Object> create(ConfigurableListableBeanFactory beanFactory, ProcessBean process) {
        Node node = beanFactory.getBean(Node.class);
        ProcessSettings settings = beanFactory.getBean(ProcessSettings.class);
        String name = process.name();
        ClassLoader classLoader = beanFactory.getBeanClassLoader() != null ? beanFactory.getBeanClassLoader()
                : ClassUtils.getDefaultClassLoader();
        BiFunction<Object, Via, Object> handles = (key, via) -> switch (process.kind()) {
            case GEN_SERVER -> ProcessProxyFactoryBean.proxy(process, name + "/" + key, via, settings.callTimeout(name),
                    classLoader);
            case STATE_MACHINE -> StateMachineHandles.handle(beanFactory, process, name + "/" + key, via);
        };
        DynamicProcesses.ChildSpecs<Object> childSpecs = (key, arguments, handle) -> TreeSpecs
                .withShutdown(ChildSpec.of(name + "/" + key, start(beanFactory, process, arguments, handle)), name,
                        process.placement())
                .withRestart(process.placement().restart())
                .withMailbox(settings.mailbox(name))
                .withMailboxOnRestart(settings.mailboxOnRestart(name));
        return new DynamicProcesses<>(name, node, handles, childSpecs);
    }

    /** Each incarnation of a key's process: a fresh prototype instance built with the key's arguments. */
    @SuppressWarnings("unchecked")
    private static ChildStart start(ConfigurableListableBeanFactory beanFactory, ProcessBean process, Object[] arguments,
            Object handle) {
        Supplier<Object> instances = () -> arguments.length == 0 ? beanFactory.getBean(process.targetBeanName())
                : beanFactory.getBean(process.targetBeanName(), arguments);
        return switch (process.kind()) {
            case GEN_SERVER -> (node, options) -> GenServer.start(node,
                    new BeanServer(process.genServerHandlers(), instances, beanFactory), options);
            case STATE_MACHINE -> (node, options) -> GenStateMachine.start(node, (GenStateMachine<Object>) instances.get(),
                    options, ((StateMachineHandle<Object>) handle)::transitioned);
        };
    }
}
