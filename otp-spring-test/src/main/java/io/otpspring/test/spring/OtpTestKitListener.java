package io.otpspring.test.spring;

import java.time.Duration;

import io.otpspring.test.OtpTestKit;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * After each test method of a Spring test whose context has an {@link OtpTestKit}, shuts down what
 * that test started through the kit (its probes, its supervisors), as {@code @OtpTest} does; the
 * application's own tree is the context's and stays. Registered in {@code META-INF/spring.factories}.
 */
public final class OtpTestKitListener implements TestExecutionListener, Ordered {

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public void afterTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            OtpTestKit kit = testContext.getApplicationContext().getBeanProvider(OtpTestKit.class).getIfAvailable();
            if (kit != null) {
                kit.shutDown(SHUTDOWN_TIMEOUT);
            }
        }
    }

    /** After the listeners that may still use the kit's processes (Spring's own run earlier). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 100;
    }
}
