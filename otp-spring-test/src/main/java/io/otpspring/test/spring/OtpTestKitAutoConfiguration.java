package io.otpspring.test.spring;

import io.otpspring.core.process.Node;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import io.otpspring.test.OtpTestKit;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * An {@link OtpTestKit} on the application's node, for {@code @Autowired} in a
 * {@code @SpringBootTest} (the kit is on the test classpath only, so is this). The context owns
 * the tree: the kit neither shuts it down nor checks it for leaks; {@link OtpTestKitListener} shuts
 * down only what each test started through the kit.
 */
@AutoConfiguration(after = OtpAutoConfiguration.class)
@ConditionalOnBean(Node.class)
public final class OtpTestKitAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OtpTestKit otpTestKit(Node node) {
        return OtpTestKit.forNode(node);
    }
}
