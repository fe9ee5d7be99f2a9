package io.otpspring.spring.process;

import java.util.ArrayList;
import java.util.List;

import io.otpspring.spring.annotation.GenServer;
import io.otpspring.spring.annotation.Supervisor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.FactoryBean;
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
 * Finds the {@code @GenServer} and {@code @Supervisor} beans among the bean definitions and splits
 * each {@code @GenServer} definition in two: its original definition, renamed and made a
 * prototype, builds a fresh instance per incarnation; under the original name a proxy takes its
 * place for injection. Checks every process class as it goes, so misuse fails the context before
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
            if (AnnotatedElementUtils.hasAnnotation(type, GenServer.class)) {
                processes.add(split(registry, name, definition, type));
            }
            else if (AnnotatedElementUtils.hasAnnotation(type, Supervisor.class)) {
                supervisors.add(SupervisorBean.of(name, type, AnnotatedElementUtils.findMergedAnnotation(type, Supervisor.class)));
            }
        }
        ProcessCatalog catalog = new ProcessCatalog(processes, supervisors);
        registry.registerBeanDefinition(CATALOG_BEAN, new RootBeanDefinition(ProcessCatalog.class, () -> catalog));
    }

    private static ProcessBean split(BeanDefinitionRegistry registry, String name, BeanDefinition definition,
            Class<?> type) {
        if (!definition.isSingleton()) {
            throw new ProcessDefinitionException("bean '" + name + "' is @GenServer with scope '" + definition.getScope()
                    + "'; a @GenServer bean is one process: remove the scope");
        }
        ProcessBean process = new ProcessBean(name, type, ProcessBean.targetBeanName(name), HandlerMethods.of(name, type),
                Placement.of(type));
        RootBeanDefinition proxy = new RootBeanDefinition(ProcessProxyFactoryBean.class);
        proxy.getConstructorArgumentValues().addIndexedArgumentValue(0, process);
        proxy.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, type);
        proxy.setPrimary(definition.isPrimary());
        proxy.setAutowireCandidate(definition.isAutowireCandidate());
        proxy.setRole(definition.getRole());
        if (definition instanceof AbstractBeanDefinition original) {
            proxy.copyQualifiersFrom(original);
        }
        proxy.setDecoratedDefinition(new BeanDefinitionHolder(definition, process.targetBeanName()));
        proxy.setOriginatingBeanDefinition(definition);

        definition.setScope(BeanDefinition.SCOPE_PROTOTYPE);
        definition.setAutowireCandidate(false);
        definition.setPrimary(false);
        registry.removeBeanDefinition(name);
        registry.registerBeanDefinition(process.targetBeanName(), definition);
        registry.registerBeanDefinition(name, proxy);
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
