package io.otpspring.spring.actuate.autoconfigure;

import io.otpspring.spring.actuate.endpoint.OtpEndpoint;
import io.otpspring.spring.actuate.health.OtpHealthContributor;
import io.otpspring.spring.actuate.observer.ObserverController;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** When the endpoint, the health contributor and the observer page are configured, and when they back off. */
class OtpActuatorAutoConfigurationTest {

    private final AutoConfigurations configurations = AutoConfigurations.of(EndpointAutoConfiguration.class,
            WebEndpointAutoConfiguration.class, OtpAutoConfiguration.class, OtpEndpointAutoConfiguration.class,
            OtpHealthAutoConfiguration.class, OtpObserverAutoConfiguration.class);

    private final WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(configurations)
            .withPropertyValues("management.endpoints.web.exposure.include=otp");

    @Test
    void anExposedEndpointBringsTheObserverPageAndHealth() {
        web.run(context -> assertThat(context).hasSingleBean(OtpEndpoint.class)
                .hasSingleBean(ObserverController.class).hasBean("otpHealthContributor"));
    }

    @Test
    void theObserverPageCanBeSwitchedOff() {
        web.withPropertyValues("otp.actuator.observer.enabled=false").run(context ->
                assertThat(context).hasSingleBean(OtpEndpoint.class).doesNotHaveBean(ObserverController.class));
    }

    @Test
    void anEndpointNotExposedOverHttpBringsNoObserverPage() {
        web.withPropertyValues("management.endpoints.web.exposure.include=health").run(context ->
                assertThat(context).doesNotHaveBean(OtpEndpoint.class).doesNotHaveBean(ObserverController.class));
    }

    @Test
    void anEndpointExposedOverJmxOnlyBringsNoObserverPage() {
        web.withPropertyValues("management.endpoints.web.exposure.include=health",
                "management.endpoints.jmx.exposure.include=otp", "spring.jmx.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(OtpEndpoint.class)
                        .doesNotHaveBean(ObserverController.class));
    }

    @Test
    void theHealthContributorCanBeSwitchedOff() {
        web.withPropertyValues("management.health.otp.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(OtpHealthContributor.class));
    }

    @Test
    void outsideAWebApplicationThereIsNoPage() {
        new ApplicationContextRunner().withConfiguration(configurations)
                .withPropertyValues("management.endpoints.jmx.exposure.include=otp", "spring.jmx.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(ObserverController.class));
    }

    @Test
    void withoutActuatorOrHealthEverythingBacksOffAndProcessesStillRun() {
        web.withClassLoader(new FilteredClassLoader(Endpoint.class, HealthContributor.class)).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(OtpEndpoint.class)
                        .doesNotHaveBean(OtpHealthContributor.class).doesNotHaveBean(ObserverController.class)
                        .hasBean("otpProcessTree"));
    }

    @Test
    void badSettingsFailTheContextWithTheirName() {
        web.withPropertyValues("otp.actuator.page-size=-1").run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("otp.actuator.page-size"));
    }
}
