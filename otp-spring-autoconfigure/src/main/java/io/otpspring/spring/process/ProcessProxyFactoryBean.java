package io.otpspring.spring.process;

import java.time.Duration;

import io.otpspring.core.process.Node;
import io.otpspring.core.process.ProcessRef;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.util.ClassUtils;

/**
 * Makes the bean other beans inject in place of a process bean: a subclass proxy of its class
 * whose calls become messages ({@link ProcessProxy}). Created without any process running, so the
 * bean graph resolves before the tree starts.
 */
final class ProcessProxyFactoryBean implements FactoryBean<Object>, BeanFactoryAware, BeanClassLoaderAware {

    private final ProcessBean process;
    private BeanFactory beanFactory;
    private ClassLoader classLoader = ClassUtils.getDefaultClassLoader();

    ProcessProxyFactoryBean(ProcessBean process) {
        this.process = process;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public Object getObject() {
        Node node = beanFactory.getBean(Node.class);
        ProcessSettings settings = beanFactory.getBean(ProcessSettings.class);
        return proxy(process, process.name(), node.named(process.name()), settings.callTimeout(process.name()),
                classLoader);
    }

    /** A subclass proxy of {@code process}'s class, labelled {@code label}, whose calls go to {@code target}. */
    static Object proxy(ProcessBean process, String label, ProcessRef target, Duration callTimeout,
            ClassLoader classLoader) {
        ProxyFactory proxies = new ProxyFactory();
        proxies.setTargetClass(process.type());
        proxies.setProxyTargetClass(true);
        proxies.setOpaque(true);
        proxies.addAdvice(new ProcessProxy(label, target, process.genServerHandlers(), callTimeout));
        return proxies.getProxy(classLoader);
    }

    @Override
    public Class<?> getObjectType() {
        return process.type();
    }
}
