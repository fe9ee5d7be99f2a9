package io.otpspring.spring.process;

import java.util.function.Consumer;
import java.util.function.Supplier;

import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.statem.GenStateMachine;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.ChildStart;
import io.otpspring.core.supervision.RestartBackoff;
import io.otpspring.core.supervision.Shutdown;
import io.otpspring.spring.annotation.Backoff;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.convert.DurationStyle;

/**
 * How a process bean's incarnations start and how its child spec reads, for the processes of the
 * tree and the processes per key alike: a bean instance per incarnation, destroyed (its destroy
 * callbacks run) when the incarnation stops or fails to start.
 */
final class ProcessStarts {

    private ProcessStarts() {
    }

    /**
     * Starts each incarnation of {@code process} from an instance {@code instances} provides; a
     * state machine reports its transitions to {@code handle}.
     */
    @SuppressWarnings("unchecked")
    static ChildStart of(ConfigurableListableBeanFactory beanFactory, ProcessBean process, Supplier<Object> instances,
            @Nullable StateMachineHandle<Object> handle) {
        Consumer<Object> destroy = instance -> beanFactory.destroyBean(process.targetBeanName(), instance);
        return switch (process.kind()) {
            case GEN_SERVER -> (node, options) -> GenServer.start(node,
                    new BeanServer(process.genServerHandlers(), instances, destroy), options);
            case STATE_MACHINE -> (node, options) -> GenStateMachine.start(node,
                    new DestroyedOnStop<>((GenStateMachine<Object>) instances.get(), destroy), options,
                    handle == null ? change -> { } : handle::transitioned);
        };
    }

    /**
     * The child {@code id} of {@code process}: restart type and shutdown as annotated, mailbox as
     * configured, restarted after {@code backoff} (see {@link #restartBackoff}).
     */
    static ChildSpec childSpec(String id, ProcessBean process, ChildStart start, ProcessSettings settings,
            @Nullable RestartBackoff backoff) {
        String name = process.name();
        ChildSpec spec = ChildSpec.of(id, start)
                .withRestart(process.placement().restart())
                .withMailbox(settings.mailbox(name))
                .withMailboxOnRestart(settings.mailboxOnRestart(name))
                .withRestartBackoff(backoff);
        return withShutdown(spec, name, process.placement());
    }

    /**
     * The restart backoff of {@code process}, configured or annotated, made by the application's
     * {@link RestartBackoffs} (without Resilience4j, a configured one fails with the fix); {@code null}:
     * restarts at once. Resolved once per bean, when the context starts.
     */
    static @Nullable RestartBackoff restartBackoff(ConfigurableListableBeanFactory beanFactory, ProcessBean process,
            ProcessSettings settings) {
        String name = process.name();
        BackoffSettings backoff = settings.restartBackoff(name, annotatedBackoff(name, process.placement()));
        if (backoff == null) {
            return null;
        }
        return beanFactory.getBeanProvider(RestartBackoffs.class).getIfAvailable(() -> RestartBackoffs.UNAVAILABLE)
                .of(name, backoff);
    }

    private static @Nullable BackoffSettings annotatedBackoff(String bean, Placement placement) {
        Backoff backoff = placement.backoff();
        if (backoff == null) {
            return null;
        }
        return new BackoffSettings(duration(bean, "backoff.initial", backoff.initial()), backoff.multiplier(),
                backoff.randomization(), duration(bean, "backoff.max", backoff.max()),
                duration(bean, "backoff.resetAfter", backoff.resetAfter()), backoff.whileRestarting());
    }

    /** {@code spec} with the shutdown {@code placement} gives, if any. */
    static ChildSpec withShutdown(ChildSpec spec, String bean, Placement placement) {
        String shutdown = placement.shutdown();
        return switch (shutdown) {
            case "" -> spec;
            case "brutal-kill" -> spec.withShutdown(Shutdown.brutalKill());
            case "infinity" -> spec.withShutdown(Shutdown.infinity());
            default -> spec.withShutdown(Shutdown.timeout(duration(bean, "shutdown", shutdown)));
        };
    }

    /** {@code value} of annotation attribute {@code attribute} on {@code bean}, as a duration. */
    static java.time.Duration duration(String bean, String attribute, String value) {
        try {
            return DurationStyle.detectAndParse(value);
        }
        catch (IllegalArgumentException invalid) {
            throw new ProcessDefinitionException("bean '" + bean + "' has " + attribute + " = \"" + value + "\", which "
                    + "is not a duration; write e.g. \"5s\" or \"500ms\"" + (attribute.equals("shutdown")
                            ? ", or \"brutal-kill\" or \"infinity\"" : ""));
        }
    }
}
