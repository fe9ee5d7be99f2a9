package io.otpspring.spring.actuate.observer;

import io.otpspring.spring.actuate.app.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The observer page's files come from the jar, and config.json points the page at the endpoint. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "management.endpoints.web.exposure.include=otp", "management.endpoints.web.base-path=/manage",
                "management.endpoints.web.path-mapping.otp=tree" })
@AutoConfigureRestTestClient
class ObserverPageServingTest {

    @Autowired
    RestTestClient http;

    @Test
    void theBarePathRedirectsToTheDirectorySoRelativeAssetsResolve() {
        http.get().uri("/otp/observer").exchange().expectStatus().isFound().expectHeader()
                .valueEquals("Location", "/otp/observer/");
    }

    @Test
    void thePageAndItsAssetsAreServedWithTheirTypes() {
        http.get().uri("/otp/observer/").exchange().expectStatus().isOk().expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML).expectBody(String.class)
                .value(html -> org.assertj.core.api.Assertions.assertThat(html).contains("observer.js", "observer.css")
                        .doesNotContain("https://"));
        http.get().uri("/otp/observer/observer.js").exchange().expectStatus().isOk().expectHeader()
                .contentTypeCompatibleWith("text/javascript");
        http.get().uri("/otp/observer/observer.css").exchange().expectStatus().isOk().expectHeader()
                .contentTypeCompatibleWith("text/css");
        http.get().uri("/otp/observer/secrets.txt").exchange().expectStatus().isNotFound();
    }

    @Test
    void configPointsAtTheEndpointUnderTheConfiguredBasePathAndMapping() {
        http.get().uri("/otp/observer/config.json").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.endpoint").isEqualTo("/manage/tree");
        http.get().uri("/manage/tree").exchange().expectStatus().isOk();
    }
}
