package io.otpspring.spring.actuate.autoconfigure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.otpspring.core.process.Node;
import io.otpspring.core.registry.Registry;
import io.otpspring.spring.actuate.endpoint.ClusterView;
import io.otpspring.spring.actuate.endpoint.OtpEndpoint;
import io.otpspring.spring.actuate.endpoint.ProcessTreeInspector;
import io.otpspring.spring.actuate.endpoint.ValueSanitizer;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import io.otpspring.spring.process.CallGuards;
import io.otpspring.spring.process.DynamicProcesses;
import io.otpspring.spring.process.ProcessTree;
import io.otpspring.spring.process.StateMachineHandle;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.EndpointAccessResolver;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The {@code otp} endpoint, when Actuator is there and the endpoint is available. */
@AutoConfiguration(after = OtpAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean({ Node.class, ProcessTree.class })
@ConditionalOnAvailableEndpoint(OtpEndpoint.class)
@EnableConfigurationProperties(OtpActuatorProperties.class)
public final class OtpEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProcessTreeInspector otpProcessTreeInspector(Node node, ProcessTree tree, ListableBeanFactory beans,
            OtpActuatorProperties properties) {
        return new ProcessTreeInspector(node, tree, name -> perKeyRegistry(beans, name), properties.getPageSize(),
                properties.getReportTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    OtpEndpoint otpEndpoint(ProcessTreeInspector inspector, ListableBeanFactory beans,
            OtpActuatorProperties properties, ObjectProvider<SanitizingFunction> sanitizingFunctions,
            ObjectProvider<EndpointAccessResolver> access, ObjectProvider<CallGuards> guards,
            ObjectProvider<ClusterView> cluster) {
        ValueSanitizer sanitizer = new ValueSanitizer(new Sanitizer(sanitizingFunctions.orderedStream().toList()),
                properties.getShowValues(), properties.getRoles());
        return new OtpEndpoint(inspector, () -> registries(beans), name -> stateMachine(beans, name),
                name -> guards.getIfAvailable(() -> CallGuards.UNAVAILABLE).state(name), sanitizer,
                () -> writable(access), properties.getPageSize(), properties.getActionTimeout(), cluster.getIfUnique());
    }

    private static Collection<Registry<?, ?>> registries(ListableBeanFactory beans) {
        List<Registry<?, ?>> registries = new ArrayList<>();
        beans.getBeansOfType(Registry.class).values().forEach(registries::add);
        beans.getBeansOfType(DynamicProcesses.class).values().forEach(processes -> registries.add(processes.registry()));
        return registries;
    }

    @SuppressWarnings("unchecked")
    private static Registry<Object, ?> perKeyRegistry(ListableBeanFactory beans, String name) {
        Map<String, DynamicProcesses> perKey = beans.getBeansOfType(DynamicProcesses.class);
        DynamicProcesses<?> processes = perKey.get(name);
        return processes == null ? null : (Registry<Object, ?>) processes.registry();
    }

    private static StateMachineHandle<?> stateMachine(ListableBeanFactory beans, String name) {
        return beans.containsBean(name) && beans.isTypeMatch(name, StateMachineHandle.class)
                ? beans.getBean(name, StateMachineHandle.class) : null;
    }

    private static boolean writable(ObjectProvider<EndpointAccessResolver> access) {
        EndpointAccessResolver resolver = access.getIfAvailable();
        return resolver != null
                && resolver.accessFor(EndpointId.of("otp"), Access.READ_ONLY) == Access.UNRESTRICTED;
    }
}
