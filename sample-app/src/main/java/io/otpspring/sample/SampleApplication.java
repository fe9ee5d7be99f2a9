package io.otpspring.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A small shop backend whose stateful parts are processes: a rate limiter, prices and stock, each a
 * {@code @GenServer} bean supervised under {@code otp.root}, and a process per shopping cart and a
 * state machine per order, each under a dynamic supervisor. Run it with
 * {@code ./mvnw -pl sample-app -am spring-boot:run}; see the README for a tour with curl.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
