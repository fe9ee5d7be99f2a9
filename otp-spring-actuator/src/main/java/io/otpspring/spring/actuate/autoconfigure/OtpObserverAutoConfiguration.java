package io.otpspring.spring.actuate.autoconfigure;

import io.otpspring.spring.actuate.endpoint.OtpEndpoint;
import io.otpspring.spring.actuate.observer.ObserverController;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The observer page at {@code /otp/observer}, in a servlet web application whose {@code otp}
 * endpoint is exposed over HTTP ({@code otp.actuator.observer.enabled}, on by default).
 */
@AutoConfiguration(after = OtpEndpointAutoConfiguration.class,
        afterName = "org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, WebEndpointProperties.class })
@ConditionalOnBean(OtpEndpoint.class)
@ConditionalOnAvailableEndpoint(endpoint = OtpEndpoint.class, exposure = EndpointExposure.WEB)
@ConditionalOnBooleanProperty(name = "otp.actuator.observer.enabled", matchIfMissing = true)
public final class OtpObserverAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ObserverController otpObserverController(ObjectProvider<PathMappedEndpoints> endpoints,
            ObjectProvider<WebEndpointProperties> web) {
        return new ObserverController(() -> {
            PathMappedEndpoints mapped = endpoints.getIfAvailable();
            String path = mapped == null ? null : mapped.getPath(EndpointId.of("otp"));
            return path != null ? path : web.getIfAvailable(WebEndpointProperties::new).getBasePath() + "/otp";
        });
    }
}
