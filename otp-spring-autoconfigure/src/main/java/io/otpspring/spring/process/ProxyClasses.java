package io.otpspring.spring.process;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.aop.SpringProxy;
import org.springframework.aop.support.AopUtils;
import org.springframework.cglib.core.ClassLoaderAwareGeneratorStrategy;
import org.springframework.cglib.core.SpringNamingPolicy;
import org.springframework.cglib.proxy.Callback;
import org.springframework.cglib.proxy.CallbackFilter;
import org.springframework.cglib.proxy.Enhancer;
import org.springframework.cglib.proxy.Factory;
import org.springframework.cglib.proxy.MethodInterceptor;
import org.springframework.cglib.proxy.NoOp;
import org.springframework.core.SmartClassLoader;
import org.springframework.objenesis.SpringObjenesis;
import org.springframework.util.ReflectionUtils;

/**
 * Makes the subclass proxies of process bean classes with Spring's CGLIB, as Spring AOP makes its
 * CGLIB proxies (a {@link SpringProxy}, named and loaded alike, built without running a
 * constructor) but without its per-call machinery, an invocation object and an interceptor chain:
 * each method the class lists calls the callback of its own handler ({@link ProcessProxy}), any
 * other method the callback that looks its handler up, {@code Object}'s methods {@link ObjectMethods};
 * {@code finalize} is not overridden.
 */
final class ProxyClasses {

    private static final int NOT_OVERRIDDEN = 0;
    private static final int OBJECT_METHODS = 1;
    private static final int UNLISTED = 2;
    private static final int FIRST_HANDLER = 3;

    private static final SpringObjenesis INSTANTIATOR = new SpringObjenesis();

    private ProxyClasses() {
    }

    /**
     * A new proxy of {@code type}: a call of one of its methods, whose {@code handlers} are read,
     * goes to {@code calls}; one of {@code Object}'s to {@code objectMethods}.
     */
    static Object proxy(Class<?> type, HandlerMethods handlers, ProcessProxy calls, ObjectMethods objectMethods,
            @Nullable ClassLoader classLoader) {
        List<Handler> listed = handlers.listed();
        Callback[] callbacks = new Callback[FIRST_HANDLER + listed.size()];
        callbacks[NOT_OVERRIDDEN] = NoOp.INSTANCE;
        callbacks[OBJECT_METHODS] = objectMethods;
        callbacks[UNLISTED] = calls.callbackOfUnlisted();
        for (int i = 0; i < listed.size(); i++) {
            callbacks[FIRST_HANDLER + i] = calls.callbackOf(listed.get(i));
        }
        Class<?>[] callbackTypes = new Class<?>[callbacks.length];
        Arrays.fill(callbackTypes, MethodInterceptor.class);
        callbackTypes[NOT_OVERRIDDEN] = NoOp.class;

        Enhancer enhancer = new Enhancer();
        if (classLoader != null) {
            enhancer.setClassLoader(classLoader);
            if (classLoader instanceof SmartClassLoader smart && smart.isClassReloadable(type)) {
                enhancer.setUseCache(false);
            }
        }
        enhancer.setSuperclass(type);
        enhancer.setInterfaces(new Class<?>[] { SpringProxy.class });
        enhancer.setNamingPolicy(SpringNamingPolicy.INSTANCE);
        enhancer.setStrategy(new ClassLoaderAwareGeneratorStrategy(classLoader));
        enhancer.setCallbackFilter(new Routes(type, handlers));
        enhancer.setCallbackTypes(callbackTypes);
        Class<?> proxyClass = enhancer.createClass();
        Factory proxy = (Factory) INSTANTIATOR.newInstance(proxyClass, enhancer.getUseCache());
        proxy.setCallbacks(callbacks);
        return proxy;
    }

    /**
     * Which callback each method of {@code type} calls. Equal for the same class, whose handlers
     * are listed alike whichever bean or context read them, as CGLIB's cache of generated classes
     * compares it: one proxy class per class.
     */
    private static final class Routes implements CallbackFilter {

        private final Class<?> type;
        private final HandlerMethods handlers;

        Routes(Class<?> type, HandlerMethods handlers) {
            this.type = type;
            this.handlers = handlers;
        }

        @Override
        public int accept(Method method) {
            if (AopUtils.isFinalizeMethod(method)) {
                return NOT_OVERRIDDEN;
            }
            if (ReflectionUtils.isObjectMethod(method)) {
                return OBJECT_METHODS;
            }
            int handler = handlers.listed().indexOf(handlers.handlerFor(method));
            return handler < 0 ? UNLISTED : FIRST_HANDLER + handler;
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Routes routes && routes.type == type;
        }

        @Override
        public int hashCode() {
            return type.hashCode();
        }
    }
}
