package io.otpspring.spring.actuate.endpoint;

import java.time.Duration;
import java.util.Map;

import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.registry.Registry;
import io.otpspring.spring.actuate.app.TestApplication;
import io.otpspring.spring.actuate.app.TestApplication.Light;
import io.otpspring.spring.process.StateMachineHandle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Restart and kill once the application opts in, and values shown when {@code show-values} allows. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=otp", "management.endpoint.otp.access=unrestricted",
        "otp.actuator.show-values=always", "otp.restart.intensity=100" })
@AutoConfigureRestTestClient
class OtpEndpointWriteTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    RestTestClient http;

    @Autowired
    Node node;

    @Test
    void theTreeSaysItIsWritable() {
        assertThat(http.get().uri("/actuator/otp").exchange().expectStatus().isOk().expectBody(OtpDescriptor.class)
                .returnResult().getResponseBody().writable()).isTrue();
    }

    @Test
    void restartStartsAFreshIncarnationWithoutCountingACrash() {
        Pid before = node.whereis("pricing");
        int restartsBefore = detail("pricing").restarts();

        ActionDescriptor done = act("pricing", "restart", 200);

        Pid after = node.whereis("pricing");
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(done.pid()).isEqualTo(after.toString());
        assertThat(done.error()).isNull();
        assertThat(before.isAlive()).isFalse();
        assertThat(detail("pricing").restarts()).isEqualTo(restartsBefore);
    }

    @Test
    void killIsACrashItsSupervisorAnswersWithARestart() {
        Pid before = node.whereis("inventory");
        int restartsBefore = detail("inventory").restarts();

        act("inventory", "kill", 200);

        await().atMost(WAIT).until(() -> node.whereis("inventory") != null && !node.whereis("inventory").equals(before));
        ProcessDescriptor after = detail("inventory");
        assertThat(after.restarts()).isEqualTo(restartsBefore + 1);
        assertThat(after.lastCrash().reason()).isEqualTo("killed");
    }

    @Test
    void badActionsUnknownProcessesAndTheRootAreRefusedWithAReason() {
        assertThat(act("pricing", "explode", 400).error()).contains("unknown action 'explode'");
        assertThat(act("nobody", "kill", 404).error()).contains("no process named 'nobody'");
        assertThat(act("otp.root", "kill", 400).error()).contains("root supervisor");
        assertThat(act(node.whereis("otp.root").toString(), "kill", 400).error()).contains("root supervisor");
        assertThat(node.whereis("otp.root")).isNotNull();
        assertThat(act("scratchpad", "restart", 400).error()).contains("temporary");
        assertThat(node.whereis("scratchpad")).as("refused before stopping it").isNotNull();
        http.post().uri("/actuator/otp/processes/pricing").contentType(MediaType.APPLICATION_JSON).body(Map.of())
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void aProcessStartedOnDemandCanBeKilledButNotRestartedOnRequest(
            @Autowired io.otpspring.spring.process.DynamicProcesses<TestApplication.Counter> counters) {
        counters.getOrStart("bob");
        assertThat(act("counter[bob]", "restart", 400).error()).contains("kill it");
        act("counter[bob]", "kill", 200);
    }

    @Test
    void aProcessWhoseKeyHoldsASlashCanBeActedOn(
            @Autowired io.otpspring.spring.process.DynamicProcesses<TestApplication.Counter> counters) {
        counters.getOrStart("eu/bob");
        Pid before = counters.whereis("eu/bob");

        act("counter[eu/bob]", "kill", 200);

        await().atMost(WAIT).until(() -> !before.isAlive());
    }

    @Test
    void valuesAreShownWhenShowValuesIsAlways(@Autowired Registry<String, String> users,
            @Autowired StateMachineHandle<Light> trafficLight) {
        users.register("carol", node.whereis("pricing"), "visible");

        RegistryDescriptor registry = http.get().uri("/actuator/otp/registry").exchange().expectStatus().isOk()
                .expectBody(RegistryDescriptor.class).returnResult().getResponseBody();

        assertThat(registry.namespaces().get("users").entries()).extracting(RegistryDescriptor.Entry::value)
                .contains("visible");
        assertThat(detail("trafficLight").stateValue()).isEqualTo(String.valueOf(trafficLight.state()));
    }

    private ProcessDescriptor detail(String name) {
        return http.get().uri("/actuator/otp/processes/{name}", name).exchange().expectStatus().isOk()
                .expectBody(ProcessDescriptor.class).returnResult().getResponseBody();
    }

    private ActionDescriptor act(String name, String action, int status) {
        // the name as path segments: a key's '/' must stay a separator, not become %2F
        return http.post().uri("/actuator/otp/processes/" + name).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("action", action)).exchange().expectStatus().isEqualTo(status)
                .expectBody(ActionDescriptor.class).returnResult().getResponseBody();
    }
}
