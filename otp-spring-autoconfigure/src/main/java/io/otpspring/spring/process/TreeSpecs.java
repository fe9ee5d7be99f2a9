package io.otpspring.spring.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.supervision.AutoShutdown;
import io.otpspring.core.statem.GenStateMachine;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.ChildStart;
import io.otpspring.core.supervision.DynamicSupervisorSpec;
import io.otpspring.core.supervision.Shutdown;
import io.otpspring.core.supervision.Strategy;
import io.otpspring.core.supervision.SupervisorSpec;
import io.otpspring.spring.tree.TreeNode;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.convert.DurationStyle;

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
        Duration period = bean.period().isEmpty() ? settings.period() : duration(bean.name(), "period", bean.period());
        ChildSpec spec = ChildSpec.supervisor(branch.name(), supervisorSpec(branch, bean.strategy(), intensity, period))
                .withName(branch.name())
                .withRestart(bean.placement().restart())
                .withDependsOn(branch.dependsOn().toArray(String[]::new));
        return withShutdown(spec, bean.name(), bean.placement());
    }

    private ChildSpec processChild(TreeNode node) {
        ProcessBean process = catalog.processesByName().get(node.name());
        if (process.perKey()) {
            DynamicSupervisorSpec spec = DynamicSupervisorSpec.defaults()
                    .withIntensity(settings.intensity(), settings.period())
                    .withMaxChildren(settings.maxChildren(process.name()));
            return ChildSpec.dynamicSupervisor(process.name(), spec).withName(process.name())
                    .withDependsOn(node.dependsOn().toArray(String[]::new));
        }
        Supplier<Object> instances = new FirstThenFresh(firstInstances.remove(process.name()), beanFactory,
                process.targetBeanName());
        ChildSpec spec = ChildSpec.of(process.name(), starter(process, instances))
                .withName(process.name())
                .withRestart(process.placement().restart())
                .withMailbox(settings.mailbox(process.name()))
                .withMailboxOnRestart(settings.mailboxOnRestart(process.name()))
                .withDependsOn(node.dependsOn().toArray(String[]::new));
        return withShutdown(spec, process.name(), process.placement());
    }

    /** How each incarnation of {@code process} starts, from a bean instance {@code instances} provides. */
    @SuppressWarnings("unchecked")
    private ChildStart starter(ProcessBean process, Supplier<Object> instances) {
        return switch (process.kind()) {
            case GEN_SERVER -> (runtime, options) -> GenServer.start(runtime,
                    new BeanServer(process.genServerHandlers(), instances, beanFactory), options);
            case STATE_MACHINE -> {
                StateMachineHandle<Object> handle = beanFactory.getBean(process.name(), StateMachineHandle.class);
                yield (runtime, options) -> GenStateMachine.start(runtime, (GenStateMachine<Object>) instances.get(),
                        options, handle::transitioned);
            }
        };
    }

    static ChildSpec withShutdown(ChildSpec spec, String bean, Placement placement) {
        String shutdown = placement.shutdown();
        return switch (shutdown) {
            case "" -> spec;
            case "brutal-kill" -> spec.withShutdown(Shutdown.brutalKill());
            case "infinity" -> spec.withShutdown(Shutdown.infinity());
            default -> spec.withShutdown(Shutdown.timeout(duration(bean, "shutdown", shutdown)));
        };
    }

    private static Duration duration(String bean, String attribute, String value) {
        try {
            return DurationStyle.detectAndParse(value);
        }
        catch (IllegalArgumentException invalid) {
            throw new ProcessDefinitionException("bean '" + bean + "' has " + attribute + " = \"" + value + "\", which "
                    + "is not a duration; write e.g. \"5s\" or \"500ms\"" + (attribute.equals("shutdown")
                            ? ", or \"brutal-kill\" or \"infinity\"" : ""));
        }
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
