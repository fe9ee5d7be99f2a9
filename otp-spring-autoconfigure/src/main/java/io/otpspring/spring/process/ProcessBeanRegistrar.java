package io.otpspring.spring.process;

import java.util.ArrayList;
import java.util.List;

import io.otpspring.spring.annotation.GenServer;
import io.otpspring.spring.annotation.GenStateMachine;
import io.otpspring.spring.annotation.Supervisor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanDefinitionHolder;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.MethodMetadata;
import org.springframework.util.ClassUtils;

/**
 * Finds the {@code @GenServer}, {@code @GenStateMachine} and {@code @Supervisor} beans among the
 * bean definitions and splits each process definition in two: its original definition, renamed
 * and made a prototype, builds a fresh instance per incarnation; under the original name a proxy
 * (for a {@code @GenServer}) or a {@link StateMachineHandle} takes its place for injection. Checks every process class as it goes, so misuse fails the context before
 * anything starts. Records what it found as the {@link ProcessCatalog} bean.
 */
public final class ProcessBeanRegistrar implements BeanDefinitionRegistryPostProcessor, Ordered {

    /** The name of the catalog bean it registers. */
    static final String CATALOG_BEAN = "otp.processCatalog";

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (registry.containsBeanDefinition(CATALOG_BEAN)) {
            return;
        }
        List<ProcessBean> processes = new ArrayList<>();
        List<SupervisorBean> supervisors = new ArrayList<>();
        for (String name : registry.getBeanDefinitionNames()) {
            BeanDefinition definition = registry.getBeanDefinition(name);
            Class<?> type = beanType(definition);
            if (type == null) {
                continue;
            }
            if (AnnotatedElementUtils.hasAnnotation(type, Supervisor.class)
                    && !AnnotatedElementUtils.hasAnnotation(type, GenServer.class)
                    && !AnnotatedElementUtils.hasAnnotation(type, GenStateMachine.class)) {
                supervisors.add(SupervisorBean.of(name, type, AnnotatedElementUtils.findMergedAnnotation(type, Supervisor.class)));
                continue;
            }
            boolean genServer = AnnotatedElementUtils.hasAnnotation(type, GenServer.class);
            boolean stateMachine = AnnotatedElementUtils.hasAnnotation(type, GenStateMachine.class);
            if (genServer && stateMachine) {
                throw new ProcessDefinitionException("bean '" + name + "' (" + type.getName() + ") is both @GenServer "
                        + "and @GenStateMachine; keep the one that says how it handles messages");
            }
            if (!genServer && !stateMachine) {
                continue;
            }
            boolean perKey = definition.isPrototype();
            ProcessBean process = genServer ? ProcessBean.genServer(name, type, perKey)
                    : StateMachineHandles.check(name, type, perKey);
            RootBeanDefinition replacement;
            if (perKey) {
                replacement = DynamicProcessesDefinitions.definition(registry, process);
            }
            else if (genServer) {
                replacement = ProcessProxyCreator.definition(process);
            }
            else {
                replacement = StateMachineHandles.definition(registry, process);
            }
            processes.add(split(registry, definition, process, replacement));

        }
        ProcessCatalog catalog = new ProcessCatalog(processes, supervisors);
        registry.registerBeanDefinition(CATALOG_BEAN, new RootBeanDefinition(ProcessCatalog.class, () -> catalog));
        registry.registerBeanDefinition(ProcessProxyCreator.BEAN, ProcessProxyCreator.creatorDefinition());
    }

    /**
     * Renames {@code definition} to the process's prototype target and registers {@code replacement}
     * (what other beans inject) under the original name, with its injection metadata.
     */
    private static ProcessBean split(BeanDefinitionRegistry registry, BeanDefinition definition, ProcessBean process,
            RootBeanDefinition replacement) {
        String name = process.name();
        if (!definition.isSingleton() && !definition.isPrototype()) {
            throw new ProcessDefinitionException("bean '" + name + "' is a process with scope '" + definition.getScope()
                    + "'; a process bean is one process (singleton) or a process per key (prototype): change the scope");
        }
        replacement.setPrimary(definition.isPrimary());
        replacement.setAutowireCandidate(definition.isAutowireCandidate());
        replacement.setRole(definition.getRole());
        if (definition instanceof AbstractBeanDefinition original) {
            replacement.copyQualifiersFrom(original);
        }
        replacement.setDecoratedDefinition(new BeanDefinitionHolder(definition, process.targetBeanName()));
        replacement.setOriginatingBeanDefinition(definition);

        definition.setScope(BeanDefinition.SCOPE_PROTOTYPE);
        definition.setAutowireCandidate(false);
        definition.setPrimary(false);
        registry.removeBeanDefinition(name);
        registry.registerBeanDefinition(process.targetBeanName(), definition);
        registry.registerBeanDefinition(name, replacement);
        return process;
    }

    private static @Nullable Class<?> beanType(BeanDefinition definition) {
        String typeName = definition.getBeanClassName();
        if (definition instanceof AnnotatedBeanDefinition annotated) {
            MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
            if (factoryMethod != null) {
                typeName = factoryMethod.getReturnTypeName();
            }
        }
        if (typeName == null) {
            return null;
        }
        try {
            return ClassUtils.forName(typeName, ClassUtils.getDefaultClassLoader());
        }
        catch (ClassNotFoundException | LinkageError unresolvable) {
            return null;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
