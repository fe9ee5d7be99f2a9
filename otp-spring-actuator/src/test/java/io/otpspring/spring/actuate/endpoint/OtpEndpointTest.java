package io.otpspring.spring.actuate.endpoint;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.otpspring.core.process.Node;
import io.otpspring.core.registry.Registry;
import io.otpspring.spring.actuate.app.TestApplication;
import io.otpspring.spring.actuate.app.TestApplication.Counter;
import io.otpspring.spring.actuate.app.TestApplication.Pricing;
import io.otpspring.spring.process.DynamicProcesses;
import io.otpspring.spring.process.StateMachineHandle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@code /actuator/otp} read through a real HTTP server; writes stay inaccessible by default. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "management.endpoints.web.exposure.include=otp", "otp.actuator.page-size=10" })
@AutoConfigureRestTestClient
class OtpEndpointTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    RestTestClient http;

    @Autowired
    Node node;

    @Test
    void theTreeShowsEverySupervisorAndProcessWithStatusPidAndMailbox() {
        OtpDescriptor otp = get("/actuator/otp", OtpDescriptor.class);

        assertThat(otp.node()).isEqualTo(node.name());
        assertThat(otp.processCount()).isPositive();
        assertThat(otp.writable()).isFalse();
        ProcessNodeDescriptor root = otp.tree();
        assertThat(root.name()).isEqualTo("otp.root");
        assertThat(root.type()).isEqualTo("supervisor");
        assertThat(root.strategy()).isEqualTo("dependents_for_one");
        assertThat(root.status()).isEqualTo("running");
        assertThat(root.children()).extracting(ProcessNodeDescriptor::name)
                .contains("pricing", "inventory", "signals", "counter");
        ProcessNodeDescriptor pricing = child(root, "pricing");
        assertThat(pricing.type()).isEqualTo("worker");
        assertThat(pricing.pid()).isEqualTo(node.whereis("pricing").toString());
        assertThat(pricing.mailbox()).isZero();
        assertThat(child(child(root, "signals"), "trafficLight").status()).isEqualTo("running");
    }

    @Test
    void aDynamicSupervisorListsItsCountAndOnlyAPageOfChildrenNamedByKey(@Autowired DynamicProcesses<Counter> counters) {
        for (int i = 0; i < 15; i++) {
            counters.getOrStart("c" + i);
        }

        ProcessNodeDescriptor counter = child(get("/actuator/otp", OtpDescriptor.class).tree(), "counter");

        assertThat(counter.dynamic()).isTrue();
        assertThat(counter.strategy()).isEqualTo("one_for_one");
        assertThat(counter.childCount()).isGreaterThanOrEqualTo(15);
        assertThat(counter.children()).hasSize(10)
                .allSatisfy(child -> assertThat(child.name()).matches("counter\\[.+]"));
    }

    @Test
    void aProcessInDetailShowsItsRestartsAndLastCrashWithTheTopOfItsStackTrace(@Autowired Pricing pricing) {
        assertThatThrownBy(pricing::crash).isInstanceOf(RuntimeException.class);
        await().atMost(WAIT).until(() -> node.whereis("pricing") != null);

        ProcessDescriptor detail = get("/actuator/otp/processes/pricing", ProcessDescriptor.class);

        assertThat(detail.status()).isEqualTo("running");
        assertThat(detail.supervisor()).isEqualTo("otp.root");
        assertThat(detail.restarts()).isPositive();
        assertThat(detail.recentRestarts()).isPositive();
        assertThat(detail.lastCrash().reason()).isEqualTo("crash");
        assertThat(detail.lastCrash().exception()).isEqualTo(IllegalStateException.class.getName());
        assertThat(detail.lastCrash().message()).isEqualTo("pricing crashed on purpose");
        assertThat(detail.lastCrash().stackTrace()).isNotEmpty().hasSizeLessThanOrEqualTo(CrashDescriptor.FRAMES)
                .first().asString().contains("Pricing.crash");
    }

    @Test
    void aStateMachineShowsItsStateAndRecentTransitionsButNotItsValueByDefault(
            @Autowired StateMachineHandle<TestApplication.Light> trafficLight) {
        trafficLight.cast("next");
        await().atMost(WAIT).until(() -> trafficLight.state() == TestApplication.Light.GREEN);

        ProcessDescriptor detail = get("/actuator/otp/processes/trafficLight", ProcessDescriptor.class);

        assertThat(detail.state()).isEqualTo("GREEN");
        assertThat(detail.stateValue()).isEqualTo("******");
        assertThat(detail.supervisor()).isEqualTo("signals");
        assertThat(detail.recentTransitions()).last().satisfies(last -> {
            assertThat(last.from()).isEqualTo("RED");
            assertThat(last.event()).isEqualTo("cast String");
            assertThat(last.to()).isEqualTo("GREEN");
        });
    }

    @Test
    void aStateMachineStartedPerKeyShowsItsStateToo(
            @Autowired DynamicProcesses<StateMachineHandle<TestApplication.Light>> crossings) {
        StateMachineHandle<TestApplication.Light> mainStreet = crossings.getOrStart("main-st");
        mainStreet.cast("next");
        await().atMost(WAIT).until(() -> mainStreet.state() == TestApplication.Light.GREEN);

        ProcessDescriptor detail = get("/actuator/otp/processes/crossing[main-st]", ProcessDescriptor.class);

        assertThat(detail.state()).isEqualTo("GREEN");
        assertThat(detail.supervisor()).isEqualTo("crossing");
        assertThat(detail.recentTransitions()).extracting(TransitionDescriptor::to).containsExactly("RED", "GREEN");
    }

    @Test
    void perKeyProcessesAndPidsCanBeLookedUpToo(@Autowired DynamicProcesses<Counter> counters) {
        counters.getOrStart("alice");
        String pid = counters.whereis("alice").toString();

        assertThat(get("/actuator/otp/processes/counter[alice]", ProcessDescriptor.class).pid()).isEqualTo(pid);
        assertThat(get("/actuator/otp/processes/" + pid, ProcessDescriptor.class).pid()).isEqualTo(pid);
    }

    @Test
    void aKeyHoldingASlashIsTheRestOfThePath(@Autowired DynamicProcesses<Counter> counters) {
        counters.getOrStart("eu/alice");
        String pid = counters.whereis("eu/alice").toString();

        ProcessDescriptor detail = get("/actuator/otp/processes/counter[eu/alice]", ProcessDescriptor.class);

        assertThat(detail.name()).isEqualTo("counter[eu/alice]");
        assertThat(detail.pid()).isEqualTo(pid);
    }

    @Test
    void unknownNamesAreNotFound() {
        http.get().uri("/actuator/otp/processes/nobody").exchange().expectStatus().isNotFound();
        http.get().uri("/actuator/otp/elsewhere").exchange().expectStatus().isNotFound();
        http.get().uri("/actuator/otp/processes/<unknown.1>").exchange().expectStatus().isNotFound();
    }

    @Test
    void theRegistryShowsKeysAndPidsButNotValuesByDefault(@Autowired Registry<String, String> users) {
        users.register("alice", node.whereis("pricing"), "secret-token");

        RegistryDescriptor registry = get("/actuator/otp/registry", RegistryDescriptor.class);

        RegistryDescriptor.Namespace namespace = registry.namespaces().get("users");
        assertThat(namespace.keys()).isEqualTo("unique");
        assertThat(namespace.entries()).contains(
                new RegistryDescriptor.Entry("alice", node.whereis("pricing").toString(), "******"));
        assertThat(registry.namespaces()).containsKeys("default", "counter");
    }

    @Test
    void restartAndKillAreNotAccessibleByDefault() {
        String before = node.whereis("pricing").toString();

        HttpStatus status = (HttpStatus) http.post().uri("/actuator/otp/processes/pricing")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("action", "kill")).exchange()
                .returnResult().getStatus();

        assertThat(status.is4xxClientError()).as("status %s", status).isTrue();
        assertThat(node.whereis("pricing").toString()).isEqualTo(before);
    }

    private <T> T get(String path, Class<T> type) {
        return http.get().uri(path).exchange().expectStatus().isOk().expectBody(type).returnResult().getResponseBody();
    }

    static ProcessNodeDescriptor child(ProcessNodeDescriptor parent, String name) {
        List<ProcessNodeDescriptor> children = parent.children();
        return children.stream().filter(child -> child.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no child '" + name + "' in " + children));
    }
}
