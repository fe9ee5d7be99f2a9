package io.otpspring.test.junit;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.VirtualTime;
import io.otpspring.test.OtpTestKit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** The extension behind {@link OtpTest}: a kit on a fresh node per test, checked for leaks afterwards. */
public final class OtpTestExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OtpTestExtension.class);
    private static final AtomicInteger NODES = new AtomicInteger();
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public void beforeEach(ExtensionContext context) {
        kit(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        OtpTestKit kit = context.getStore(NAMESPACE).remove(OtpTestKit.class, OtpTestKit.class);
        if (kit == null) {
            return;
        }
        List<Pid> leaked;
        try {
            leaked = kit.shutDown(SHUTDOWN_TIMEOUT);
        }
        finally {
            kit.node().close();
        }
        if (!leaked.isEmpty() && settings(context).failOnLeaks() && context.getExecutionException().isEmpty()) {
            throw new AssertionError("the test left " + leaked.size() + " processes alive (killed now): "
                    + leaked.stream().map(Pid::toString).collect(Collectors.joining(", "))
                    + "; stop what it starts, or start supervisors with OtpTestKit.startSupervisor or startDynamicSupervisor");
        }
    }

    /** Test methods' parameters only: a kit lives as long as one test method. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return parameter.getDeclaringExecutable() instanceof Method
                && (type == OtpTestKit.class || type == Node.class || type == VirtualTime.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        OtpTestKit kit = kit(context);
        Class<?> type = parameter.getParameter().getType();
        return type == OtpTestKit.class ? kit : type == Node.class ? kit.node() : kit.time();
    }

    private static OtpTestKit kit(ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent(OtpTestKit.class, key -> {
            String name = "test-" + context.getRequiredTestClass().getSimpleName() + "-" + NODES.incrementAndGet();
            return OtpTestKit.newNode(name, settings(context).virtualTime() ? new VirtualTime() : null);
        }, OtpTestKit.class);
    }

    /** The {@code @OtpTest} of the test class, or of a class it is nested in. */
    private static OtpTest settings(ExtensionContext context) {
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            Optional<OtpTest> found = AnnotationSupport.findAnnotation(type, OtpTest.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new IllegalStateException("OtpTestExtension is meant to be used through @OtpTest");
    }
}
