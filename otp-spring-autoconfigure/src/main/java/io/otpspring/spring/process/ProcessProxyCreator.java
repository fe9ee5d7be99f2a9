package io.otpspring.spring.process;

import java.time.Duration;

import io.otpspring.core.mailbox.MailboxSpec;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.ProcessRef;
import io.otpspring.spring.annotation.GenServer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.InstantiationAwareBeanPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.util.ClassUtils;

/**
 * Makes the bean other beans inject in place of a {@code @GenServer} bean: a subclass proxy of its
 * class whose calls become messages ({@link ProcessProxy}). Created without any process running,
 * so the bean graph resolves before the tree starts.
 *
 * <p>The proxy is made before instantiation, as Spring's own target-source proxies are: Spring
 * then neither injects into it nor runs its lifecycle methods (those belong to the process's
 * instances), and the bean is an ordinary bean of the process's class, so a full
 * {@code @Configuration} class may declare the process with a {@code @Bean} method and call it from others.
 */
final class ProcessProxyCreator implements InstantiationAwareBeanPostProcessor, BeanFactoryAware, PriorityOrdered {

    /** The bean name of the one creator, registered by {@link ProcessBeanRegistrar}. */
    static final String BEAN = "otp.processProxyCreator";

    private static final String PROCESS_ATTRIBUTE = ProcessProxyCreator.class.getName() + ".process";

    private @Nullable ConfigurableListableBeanFactory beanFactory;

    /** The definition of the proxy bean that stands for {@code process}. */
    static RootBeanDefinition definition(ProcessBean process) {
        RootBeanDefinition definition = new RootBeanDefinition(process.type());
        definition.setAttribute(PROCESS_ATTRIBUTE, process);
        definition.setInstanceSupplier(() -> {
            throw new IllegalStateException("the proxy of process bean '" + process.name() + "' is made by "
                    + BEAN + ", which did not run: was the bean created before bean post-processors were registered?");
        });
        return definition;
    }

    /** The definition of the creator itself. */
    static RootBeanDefinition creatorDefinition() {
        RootBeanDefinition definition = new RootBeanDefinition(ProcessProxyCreator.class);
        definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
        return definition;
    }

    /** First among post-processors, so that even one that needs a process bean early gets its proxy. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public @Nullable Object postProcessBeforeInstantiation(Class<?> beanClass, String beanName) {
        ConfigurableListableBeanFactory factory = beanFactory;
        if (factory == null || !factory.containsBeanDefinition(beanName)
                || !(factory.getMergedBeanDefinition(beanName).getAttribute(PROCESS_ATTRIBUTE) instanceof ProcessBean process)) {
            return null;
        }
        Node node = factory.getBean(Node.class);
        ProcessSettings settings = factory.getBean(ProcessSettings.class);
        ClassLoader classLoader = factory.getBeanClassLoader() != null ? factory.getBeanClassLoader()
                : ClassUtils.getDefaultClassLoader();
        return proxy(process, process.name(), node.named(process.name()), settings.callTimeout(process.name()),
                guardOf(factory, process, settings), classLoader);
    }

    /**
     * The guard of {@code process}'s proxies: its circuit breaker (configured, else annotated on
     * {@code @GenServer}) and a bulkhead for a mailbox that rejects, from the application's
     * {@link CallGuards}. A per-key bean's processes share its breaker but have no bulkhead: one as
     * wide as a mailbox would stand for all of their mailboxes at once.
     */
    static CallGuard guardOf(ConfigurableListableBeanFactory beanFactory, ProcessBean process, ProcessSettings settings) {
        GenServer annotation = AnnotatedElementUtils.findMergedAnnotation(process.type(), GenServer.class);
        String annotated = annotation == null || annotation.circuitBreaker().isEmpty() ? null : annotation.circuitBreaker();
        CallGuards guards = beanFactory.getBeanProvider(CallGuards.class).getIfAvailable(() -> CallGuards.UNAVAILABLE);
        return guards.of(process.name(), settings.circuitBreaker(process.name(), annotated),
                process.perKey() ? MailboxSpec.unbounded() : settings.mailbox(process.name()));
    }

    /** A subclass proxy of {@code process}'s class, labelled {@code label}, whose calls pass {@code guard} to {@code target}. */
    static Object proxy(ProcessBean process, String label, ProcessRef target, Duration callTimeout, CallGuard guard,
            @Nullable ClassLoader classLoader) {
        HandlerMethods handlers = process.genServerHandlers();
        return ProxyClasses.proxy(process.type(), handlers,
                new ProcessProxy(label, target, handlers, callTimeout, guard), new ObjectMethods(label), classLoader);
    }
}
