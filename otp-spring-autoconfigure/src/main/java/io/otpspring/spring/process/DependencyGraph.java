package io.otpspring.spring.process;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Which process beans each process bean depends on, read from the dependencies the bean factory
 * recorded while it built the first instances: injected process proxies directly, and through any
 * chain of ordinary beans. Dependencies looked up lazily ({@code ObjectProvider}, {@code @Lazy})
 * are not recorded and so do not count, nor does the {@code @Configuration} class whose
 * {@code @Bean} method builds a bean (what that class injects is not the bean's dependency).
 */
final class DependencyGraph {

    private DependencyGraph() {
    }

    /** For each process bean in {@code processes}, the other process beans it depends on. */
    static Map<String, Set<String>> of(ConfigurableListableBeanFactory beanFactory, Set<String> processes) {
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        for (String process : processes) {
            Set<String> found = new LinkedHashSet<>();
            collect(beanFactory, ProcessBean.targetBeanName(process), processes, found, new HashSet<>());
            found.remove(process);
            graph.put(process, found);
        }
        return graph;
    }

    private static @Nullable String factoryBeanOf(ConfigurableListableBeanFactory beanFactory, String bean) {
        return beanFactory.containsBeanDefinition(bean) ? beanFactory.getBeanDefinition(bean).getFactoryBeanName() : null;
    }

    private static void collect(ConfigurableListableBeanFactory beanFactory, String bean, Set<String> processes,
            Set<String> found, Set<String> visited) {
        if (!visited.add(bean)) {
            return;
        }
        String factory = factoryBeanOf(beanFactory, bean);
        for (String dependency : beanFactory.getDependenciesForBean(bean)) {
            String name = BeanFactoryUtils.transformedBeanName(dependency);
            if (name.equals(factory)) {
                // the @Configuration class of a @Bean method: what it injects is its own business
                continue;
            }
            if (processes.contains(name)) {
                found.add(name);
            }
            else {
                collect(beanFactory, name, processes, found, visited);
            }
        }
    }
}
