package io.otpspring.spring.process;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.spring.annotation.Cast;
import io.otpspring.spring.annotation.Info;
import io.otpspring.spring.annotation.Init;
import io.otpspring.spring.annotation.Supervisor;
import io.otpspring.spring.annotation.Terminate;
import org.jspecify.annotations.Nullable;
import org.springframework.core.BridgeMethodResolver;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * What each method of a process bean class does, read once from its annotations and checked: a
 * class or handler the proxy cannot serve fails with a {@link ProcessDefinitionException} that
 * names the bean, the method and the fix.
 */
final class HandlerMethods {

    private final String beanName;
    private final List<Handler> listed;
    private final Map<Method, Handler> handlers;
    private final List<Handler> infos;
    private final List<Handler> inits;
    private final List<Handler> terminates;
    /** The {@code @Info} handler by message type, empty for a type no {@code @Info} method accepts. */
    private final Map<Class<?>, Optional<Handler>> infoByType = new ConcurrentHashMap<>();

    private HandlerMethods(String beanName, List<Handler> listed, Map<Method, Handler> handlers, List<Handler> infos,
            List<Handler> inits, List<Handler> terminates) {
        this.beanName = beanName;
        this.listed = listed;
        this.handlers = handlers;
        this.infos = infos;
        this.inits = inits;
        this.terminates = terminates;
    }

    /**
     * Reads and checks the handlers of {@code type}, the class of bean {@code beanName}.
     *
     * @throws ProcessDefinitionException when the class or one of its handlers cannot be served
     */
    static HandlerMethods of(String beanName, Class<?> type) {
        requireProxyable(beanName, type);
        List<Handler> listed = new ArrayList<>();
        Map<Method, Handler> handlers = new ConcurrentHashMap<>();
        List<Handler> infos = new ArrayList<>();
        List<Handler> inits = new ArrayList<>();
        List<Handler> terminates = new ArrayList<>();
        for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type, HandlerMethods::isHandlerCandidate)) {
            requireNoContainerCallbacks(beanName, method);
            HandlerKind kind = kindOf(beanName, method);
            if (Modifier.isPublic(method.getModifiers()) && Modifier.isFinal(method.getModifiers())) {
                throw new ProcessDefinitionException(where(beanName, method) + " is final, so calls to it cannot be "
                        + "turned into messages; remove 'final'");
            }
            Handler handler = Handler.of(kind, method);
            switch (kind) {
                case INFO -> infos.add(handler);
                case LIFECYCLE -> (AnnotatedElementUtils.hasAnnotation(method, Init.class) ? inits : terminates).add(handler);
                default -> { }
            }
            listed.add(handler);
            handlers.put(method, handler);
        }
        listed.sort(Comparator.comparing(handler -> handler.method().toString()));
        return new HandlerMethods(beanName, List.copyOf(listed), handlers, List.copyOf(infos), List.copyOf(inits),
                List.copyOf(terminates));
    }

    /** Annotations by which the container would call the bean directly, bypassing its process. */
    private static final List<String> CONTAINER_CALLBACKS = List.of(
            "org.springframework.context.event.EventListener",
            "org.springframework.scheduling.annotation.Scheduled",
            "org.springframework.scheduling.annotation.Async");

    private static void requireNoContainerCallbacks(String beanName, Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            String type = annotation.annotationType().getName();
            if (CONTAINER_CALLBACKS.contains(type)) {
                throw new ProcessDefinitionException(where(beanName, method) + " is @"
                        + annotation.annotationType().getSimpleName() + ", which Spring would call on a bean "
                        + "instance outside the process; start a timer in @Init and handle it in an @Info method, "
                        + "or let a plain bean receive the event and call or cast to the process");
            }
        }
    }

    private static boolean isHandlerCandidate(Method method) {
        return method.getDeclaringClass() != Object.class && !Modifier.isStatic(method.getModifiers())
                && !method.isSynthetic() && !method.isBridge();
    }

    private static void requireProxyable(String beanName, Class<?> type) {
        if (type.isRecord()) {
            throw new ProcessDefinitionException("bean '" + beanName + "' (" + type.getName() + ") is a record: a "
                    + "@GenServer holds mutable state and is reached through a subclass proxy; make it a plain class");
        }
        if (Modifier.isFinal(type.getModifiers())) {
            throw new ProcessDefinitionException("bean '" + beanName + "' (" + type.getName() + ") is final: a "
                    + "@GenServer is reached through a subclass proxy; remove 'final' from the class");
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new ProcessDefinitionException("bean '" + beanName + "' (" + type.getName() + ") is abstract: "
                    + "put @GenServer on the concrete class");
        }
        if (AnnotatedElementUtils.hasAnnotation(type, Supervisor.class)) {
            throw new ProcessDefinitionException("bean '" + beanName + "' (" + type.getName() + ") is both "
                    + "@GenServer and @Supervisor; a supervisor runs no code of its own: split it in two classes");
        }
    }

    private static HandlerKind kindOf(String beanName, Method method) {
        List<String> marks = Arrays.asList(
                AnnotatedElementUtils.hasAnnotation(method, Cast.class) ? "@Cast" : null,
                AnnotatedElementUtils.hasAnnotation(method, Info.class) ? "@Info" : null,
                AnnotatedElementUtils.hasAnnotation(method, Init.class) ? "@Init" : null,
                AnnotatedElementUtils.hasAnnotation(method, Terminate.class) ? "@Terminate" : null);
        List<String> present = marks.stream().filter(mark -> mark != null).toList();
        if (present.size() > 1) {
            throw new ProcessDefinitionException(where(beanName, method) + " is annotated " + String.join(" and ", present)
                    + "; a method has one role: keep one annotation");
        }
        String mark = present.isEmpty() ? "" : present.get(0);
        return switch (mark) {
            case "@Cast" -> checkedCast(beanName, method);
            case "@Info" -> checkedInfo(beanName, method);
            case "@Init" -> checkedLifecycle(beanName, method, ProcessContext.class);
            case "@Terminate" -> checkedLifecycle(beanName, method, ExitReason.class);
            default -> checkedCall(beanName, method);
        };
    }

    /** A call, asynchronous when it returns a {@code CompletableFuture} or {@code CompletionStage}. */
    private static HandlerKind checkedCall(String beanName, Method method) {
        Class<?> returned = method.getReturnType();
        if (returned == CompletableFuture.class || returned == CompletionStage.class) {
            return HandlerKind.ASYNC_CALL;
        }
        if (CompletionStage.class.isAssignableFrom(returned)) {
            throw new ProcessDefinitionException(where(beanName, method) + " returns " + returned.getSimpleName()
                    + "; an asynchronous call returns CompletableFuture or CompletionStage");
        }
        return HandlerKind.CALL;
    }

    private static HandlerKind checkedCast(String beanName, Method method) {
        if (method.getReturnType() != void.class) {
            throw new ProcessDefinitionException(where(beanName, method) + " is a @Cast but returns "
                    + method.getReturnType().getSimpleName() + "; a cast has no reply: return void, or drop @Cast to make it a call");
        }
        for (Class<?> exception : method.getExceptionTypes()) {
            if (!RuntimeException.class.isAssignableFrom(exception) && !Error.class.isAssignableFrom(exception)) {
                throw new ProcessDefinitionException(where(beanName, method) + " is a @Cast declaring "
                        + exception.getSimpleName() + "; a cast has no caller to give it to: handle it, or make it a call");
            }
        }
        return HandlerKind.CAST;
    }

    private static HandlerKind checkedInfo(String beanName, Method method) {
        if (method.getParameterCount() != 1 || method.getReturnType() != void.class
                || method.getParameterTypes()[0].isPrimitive()) {
            throw new ProcessDefinitionException(where(beanName, method) + " is an @Info handler, which takes exactly "
                    + "one parameter of a reference type (the messages it accepts) and returns void");
        }
        return HandlerKind.INFO;
    }

    private static HandlerKind checkedLifecycle(String beanName, Method method, Class<?> optionalParameter) {
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length > 1 || parameters.length == 1 && parameters[0] != optionalParameter) {
            throw new ProcessDefinitionException(where(beanName, method) + " may take no parameter or one "
                    + optionalParameter.getSimpleName());
        }
        return HandlerKind.LIFECYCLE;
    }

    private static String where(String beanName, Method method) {
        String parameters = Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", "));
        return "method " + method.getDeclaringClass().getSimpleName() + "." + method.getName() + "(" + parameters
                + ") of bean '" + beanName + "'";
    }

    /**
     * The handlers of the methods the class declares and inherits, in an order that depends on
     * their signatures only, so that the lists read from one class are alike.
     */
    List<Handler> listed() {
        return listed;
    }

    /**
     * What a call of {@code method} through the proxy becomes. A method the class did not list is
     * resolved at its first call and remembered: a bridge method stands for the method it bridges
     * to, any other is a call.
     */
    Handler handlerFor(Method method) {
        Handler handler = handlers.get(method);
        return handler != null ? handler : handlers.computeIfAbsent(method, this::unlisted);
    }

    private Handler unlisted(Method method) {
        Method bridged = BridgeMethodResolver.findBridgedMethod(method);
        Handler handler = handlers.get(bridged);
        if (handler != null) {
            return handler;
        }
        return Handler.of(HandlerKind.CALL, bridged);
    }

    /**
     * The {@code @Info} handler for a message of {@code type}: among those that accept it, the one
     * with the most specific parameter type.
     */
    @Nullable
    Handler infoFor(Class<?> type) {
        return infoByType.computeIfAbsent(type, messageType -> infos.stream()
                .filter(candidate -> parameterType(candidate).isAssignableFrom(messageType))
                .reduce((left, right) -> parameterType(left).isAssignableFrom(parameterType(right)) ? right : left))
                .orElse(null);
    }

    private static Class<?> parameterType(Handler info) {
        return info.method().getParameterTypes()[0];
    }

    List<Handler> inits() {
        return inits;
    }

    List<Handler> terminates() {
        return terminates;
    }

    String beanName() {
        return beanName;
    }
}
