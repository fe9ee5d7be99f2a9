package io.otpspring.spring.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.otpspring.core.supervision.AutoShutdown;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.ChildStart;
import io.otpspring.core.supervision.DynamicSupervisorSpec;
import io.otpspring.core.supervision.Strategy;
import io.otpspring.core.supervision.SupervisorSpec;
import io.otpspring.spring.tree.TreeNode;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Translates the derived tree into core supervisor and child specs: each process bean becomes a
 * child registered under its bean name (a {@link BeanServer}, or a state machine reporting to its
 * {@link StateMachineHandle}), each supervisor bean a child supervisor,
 * with restart types, shutdowns, mailboxes and dependencies as annotated and configured.
 */
final class TreeSpecs {

    private final ProcessCatalog catalog;
    private final ProcessSettings settings;
    private final ConfigurableListableBeanFactory beanFactory;
    private final Map<String, Object> firstInstances;

    /** {@code firstInstances}: the instance already built for each process's first incarnation. */
    TreeSpecs(ProcessCatalog catalog, ProcessSettings settings, ConfigurableListableBeanFactory beanFactory,
            Map<String, Object> firstInstances) {
        this.catalog = catalog;
        this.settings = settings;
        this.beanFactory = beanFactory;
        this.firstInstances = firstInstances;
    }

    /** The spec of the root supervisor of {@code tree}: children restart with what depends on them. */
    SupervisorSpec rootSpec(TreeNode.Branch tree) {
        return supervisorSpec(tree, Strategy.DEPENDENTS_FOR_ONE, settings.intensity(), settings.period());
    }

    private SupervisorSpec supervisorSpec(TreeNode.Branch branch, Strategy strategy, int intensity, Duration period) {
        List<ChildSpec> children = new ArrayList<>();
        for (TreeNode child : branch.children()) {
            children.add(child instanceof TreeNode.Branch nested ? supervisorChild(nested) : processChild(child));
        }
        return new SupervisorSpec(strategy, intensity, period, AutoShutdown.NEVER, children);
    }

    private ChildSpec supervisorChild(TreeNode.Branch branch) {
        SupervisorBean bean = catalog.supervisorsByName().get(branch.name());
        int intensity = bean.intensity() >= 0 ? bean.intensity() : settings.intensity();
        Duration period = bean.period().isEmpty() ? settings.period()
                : ProcessStarts.duration(bean.name(), "period", bean.period());
        ChildSpec spec = ChildSpec.supervisor(branch.name(), supervisorSpec(branch, bean.strategy(), intensity, period))
                .withName(branch.name())
                .withRestart(bean.placement().restart())
                .withDependsOn(branch.dependsOn().toArray(String[]::new));
        return ProcessStarts.withShutdown(spec, bean.name(), bean.placement());
    }

    private ChildSpec processChild(TreeNode node) {
        ProcessBean process = catalog.processesByName().get(node.name());
        String[] dependsOn = node.dependsOn().toArray(String[]::new);
        if (process.perKey()) {
            DynamicSupervisorSpec spec = DynamicSupervisorSpec.defaults()
                    .withIntensity(settings.intensity(), settings.period())
                    .withMaxChildren(settings.maxChildren(process.name()));
            return ChildSpec.dynamicSupervisor(process.name(), spec).withName(process.name()).withDependsOn(dependsOn);
        }
        Supplier<Object> instances = new FirstThenFresh(firstInstances.remove(process.name()), beanFactory,
                process.targetBeanName());
        ChildStart start = ProcessStarts.of(beanFactory, process, instances, handleOf(process));
        return ProcessStarts.childSpec(process.name(), process, start, settings,
                ProcessStarts.restartBackoff(beanFactory, process, settings)).withName(process.name())
                .withDependsOn(dependsOn);
    }

    @SuppressWarnings("unchecked")
    private @Nullable StateMachineHandle<Object> handleOf(ProcessBean process) {
        return process.kind() == ProcessBean.Kind.STATE_MACHINE
                ? beanFactory.getBean(process.name(), StateMachineHandle.class) : null;
    }

    /** The instance built while deriving the tree for the first incarnation, then a fresh one per restart. */
    private static final class FirstThenFresh implements Supplier<Object> {

        private @Nullable Object first;
        private final ConfigurableListableBeanFactory beanFactory;
        private final String targetBeanName;

        FirstThenFresh(@Nullable Object first, ConfigurableListableBeanFactory beanFactory, String targetBeanName) {
            this.first = first;
            this.beanFactory = beanFactory;
            this.targetBeanName = targetBeanName;
        }

        @Override
        public synchronized Object get() {
            Object instance = first;
            first = null;
            return instance != null ? instance : beanFactory.getBean(targetBeanName);
        }
    }
}
