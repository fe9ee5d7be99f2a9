package io.otpspring.spring.process;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.SpawnOptions;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.spring.tree.TreeDerivation;
import io.otpspring.spring.tree.TreeMember;
import io.otpspring.spring.tree.TreeNode;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The application's supervision tree. When the context starts it builds the first instance of
 * every process bean (which records their dependencies), derives the tree with
 * {@link TreeDerivation} and starts it under a root supervisor; when the context closes it stops
 * the tree gracefully, in reverse start order. Starts before the web server and stops after it.
 */
public final class ProcessTree implements SmartLifecycle {

    private static final System.Logger LOG = System.getLogger(ProcessTree.class.getName());

    /** The registered name of the application's root supervisor. */
    public static final String ROOT = "otp.root";

    /**
     * Before the web server (Boot starts and stops it in phase {@code DEFAULT_PHASE - 2048}), so that
     * the processes run before the first request and stop after the last.
     */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final Node node;
    private final ProcessSettings settings;
    private final ConfigurableListableBeanFactory beanFactory;
    private volatile @Nullable Pid root;
    private volatile TreeNode.@Nullable Branch tree;

    /** The tree of the process beans {@link ProcessBeanRegistrar} found in {@code beanFactory}, run on {@code node}. */
    public ProcessTree(Node node, ProcessSettings settings, ConfigurableListableBeanFactory beanFactory) {
        this.node = node;
        this.settings = settings;
        this.beanFactory = beanFactory;
    }

    @Override
    public void start() {
        ProcessCatalog catalog = beanFactory.getBean(ProcessBeanRegistrar.CATALOG_BEAN, ProcessCatalog.class);
        Map<String, Object> firstInstances = new ConcurrentHashMap<>();
        for (ProcessBean process : catalog.processes()) {
            if (!process.perKey()) {
                firstInstances.put(process.name(), beanFactory.getBean(process.targetBeanName()));
            }
        }
        // derived once: a context stopped and started again (as test frameworks pause cached contexts) keeps
        // its tree, even though instances built meanwhile (a per-key process's) now record dependencies
        TreeNode.Branch derived = tree != null ? tree : derive(catalog);
        TreeSpecs specs = new TreeSpecs(catalog, settings, beanFactory, firstInstances);
        Pid started = Supervisor.start(node, specs.rootSpec(derived), SpawnOptions.defaults().withName(ROOT));
        node.addExitListener(started, ProcessTree::rootExited);
        root = started;
        tree = derived;
    }

    /** The root has no supervisor to escalate to: when it gives up, the application runs without processes. */
    private static void rootExited(Pid root, ExitReason reason) {
        if (!reason.isClean()) {
            LOG.log(System.Logger.Level.ERROR, "the root supervisor " + root + " exited (" + reason + "): no process "
                    + "bean runs any more, and calls to them exit with noproc");
        }
    }

    private TreeNode.Branch derive(ProcessCatalog catalog) {
        Map<String, Set<String>> dependencies = DependencyGraph.of(beanFactory, catalog.processesByName().keySet());
        List<TreeMember> members = new ArrayList<>();
        for (SupervisorBean supervisor : catalog.supervisors()) {
            members.add(TreeMember.supervisor(supervisor.name(), parentName(catalog, supervisor.name(),
                    supervisor.placement())));
        }
        // per-key processes have no instance yet, so nothing records their dependencies: their dynamic
        // supervisors come last among their siblings, starting after the processes they are likely to use
        // and stopping before them
        List<ProcessBean> singletonsFirst = new ArrayList<>(catalog.processes());
        singletonsFirst.sort(Comparator.comparing(ProcessBean::perKey));
        for (ProcessBean process : singletonsFirst) {
            members.add(TreeMember.process(process.name(), parentName(catalog, process.name(), process.placement()),
                    dependencies.get(process.name())));
        }
        try {
            return TreeDerivation.derive(ROOT, members);
        }
        catch (IllegalArgumentException invalid) {
            throw new ProcessDefinitionException(invalid.getMessage());
        }
    }

    private static @Nullable String parentName(ProcessCatalog catalog, String bean, Placement placement) {
        Class<?> parent = placement.parent();
        if (parent == null) {
            return null;
        }
        List<String> names = catalog.supervisors().stream().filter(supervisor -> supervisor.type() == parent)
                .map(SupervisorBean::name).toList();
        if (names.size() != 1) {
            throw new ProcessDefinitionException("bean '" + bean + "' is @Supervised(parent = " + parent.getSimpleName()
                    + ".class), but " + (names.isEmpty() ? "no @Supervisor bean has that class; annotate "
                    + parent.getSimpleName() + " with @Supervisor and make it a bean"
                    : "the beans " + names + " all have that class; keep one"));
        }
        return names.get(0);
    }

    @Override
    public void stop() {
        Pid running = root;
        if (running != null) {
            node.stop(running, ExitReason.SHUTDOWN, null);
            root = null;
        }
    }

    @Override
    public boolean isRunning() {
        Pid running = root;
        return running != null && running.isAlive();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /**
     * The registered names of the tree's processes: the root, the {@code @Supervisor} beans, and the
     * process beans (for a per-key bean, its dynamic supervisor). Known before the tree starts.
     */
    public List<String> processNames() {
        ProcessCatalog catalog = beanFactory.getBean(ProcessBeanRegistrar.CATALOG_BEAN, ProcessCatalog.class);
        List<String> names = new ArrayList<>();
        names.add(ROOT);
        names.addAll(catalog.supervisorsByName().keySet());
        names.addAll(catalog.processesByName().keySet());
        return names;
    }

    /** The root supervisor, while the tree runs. */
    public @Nullable Pid root() {
        return root;
    }

    /** The tree as derived from the beans, once started. */
    public TreeNode.@Nullable Branch tree() {
        return tree;
    }
}
