package io.otpspring.spring.process;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Which process beans each process bean depends on, read from the dependencies the bean factory
 * recorded while it built the first instances: injected process proxies directly, and through any
 * chain of ordinary beans. Dependencies looked up lazily ({@code ObjectProvider}, {@code @Lazy})
 * are not recorded and so do not count.
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

    private static void collect(ConfigurableListableBeanFactory beanFactory, String bean, Set<String> processes,
            Set<String> found, Set<String> visited) {
        if (!visited.add(bean)) {
            return;
        }
        for (String dependency : beanFactory.getDependenciesForBean(bean)) {
            String name = BeanFactoryUtils.transformedBeanName(dependency);
            if (processes.contains(name)) {
                found.add(name);
            }
            else {
                collect(beanFactory, name, processes, found, visited);
            }
        }
    }
}
