package io.otpspring.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole application on a random port, driven over HTTP with an injected
 * {@code RestTestClient}. Test classes that carry only this annotation share one application
 * context. The refill timer is slowed to an hour, so that no refill lands in the middle of a test:
 * tests that need one send the {@code Refill} message themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.rate-limit.refill-period=1h")
@AutoConfigureRestTestClient
public @interface SampleAppTest {
}
