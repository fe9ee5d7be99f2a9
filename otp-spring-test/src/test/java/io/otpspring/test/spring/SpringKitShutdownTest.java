package io.otpspring.test.spring;

import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.SupervisorSpec;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import io.otpspring.test.OtpTestKit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.junit.platform.testkit.engine.EngineTestKit;

import static io.otpspring.test.OtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** After each Spring test, the kit's probes and supervisors are shut down; the application's tree stays. */
class SpringKitShutdownTest {

    private static volatile Pid probe;
    private static volatile Pid supervisor;
    private static volatile Pid applicationProcess;

    /** A process that only waits. */
    static final class Idle implements io.otpspring.core.genserver.GenServer {
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ OtpAutoConfiguration.class, OtpTestKitAutoConfiguration.class })
    static class Application {
        @Bean
        SpringKitTest.Pricing pricing() {
            return new SpringKitTest.Pricing();
        }
    }

    /** Run by the engine below, not on its own. */
    @SpringJUnitConfig(Application.class)
    static class StartsThingsThroughTheKit {

        @Test
        void startsAProbeAndASupervisor(@Autowired OtpTestKit kit, @Autowired Node node) {
            probe = kit.probe().pid();
            supervisor = kit.startSupervisor(SupervisorSpec.oneForOne(ChildSpec.worker("a", Idle::new)));
            applicationProcess = node.whereis("pricing");
        }
    }

    @Test
    void whatTheTestStartedThroughTheKitIsShutDownAfterIt() {
        var results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.conditions.deactivate", "*")
                .selectors(selectClass(StartsThingsThroughTheKit.class)).execute().testEvents();

        assertThat(results.succeeded().count()).isEqualTo(1);
        assertThat(probe).isDead();
        assertThat(supervisor).isDead();
        assertThat(applicationProcess).isAlive();
    }
}
