package io.otpspring.sample.processes;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.otpspring.sample.SampleAppTest;
import io.otpspring.sample.inventory.InventoryService;
import io.otpspring.sample.inventory.Stock;
import io.otpspring.sample.pricing.Price;
import io.otpspring.sample.pricing.PricingService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The supervision tree derived from the beans, over HTTP: crash a process and watch it come back
 * with a new pid and fresh state, together with the processes that depend on it, and only those.
 */
@SampleAppTest
class SupervisionApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    RestTestClient http;

    @Test
    void listsTheRootsChildrenInStartOrderWithTheirDependencies() {
        List<ProcessInfo> processes = processes();

        assertThat(processes).extracting(ProcessInfo::name)
                .containsSubsequence("pricingService", "inventoryService", "rateLimiter")
                .containsExactlyInAnyOrder("paymentGateway", "pricingService", "inventoryService", "rateLimiter",
                        "shoppingCart", "orderWorkflow");
        assertThat(processes).allSatisfy(process -> assertThat(process.pid()).isNotNull());
        Map<String, ProcessInfo> byName = byName(processes);
        assertThat(byName.get("inventoryService").dependsOn()).containsExactly("pricingService");
        assertThat(byName.get("pricingService").dependsOn()).isEmpty();
        assertThat(byName.get("rateLimiter").dependsOn()).isEmpty();
        assertThat(List.of(byName.get("pricingService"), byName.get("inventoryService"), byName.get("rateLimiter")))
                .allSatisfy(worker -> {
                    assertThat(worker.type()).isEqualTo("worker");
                    assertThat(worker.children()).isNull();
                });
    }

    @Test
    void aProcessPerKeyRunsUnderADynamicSupervisorWithNoDerivedDependencies() {
        Map<String, ProcessInfo> byName = byName(processes());

        assertThat(List.of(byName.get("shoppingCart"), byName.get("orderWorkflow"))).allSatisfy(supervisor -> {
            assertThat(supervisor.type()).isEqualTo("supervisor");
            assertThat(supervisor.children()).isNotNull();
            // no instance exists when the tree is derived, so none of its injections count (see the README)
            assertThat(supervisor.dependsOn()).isEmpty();
        });
    }

    @Test
    void aCrashedPricingComesBackFreshAndInventoryRestartsWithIt() {
        setPrice("espresso", "9.99");
        reserve("croissant");
        Map<String, ProcessInfo> before = byName(processes());

        http.post().uri("/api/crash/pricingService").exchange()
                .expectStatus().isAccepted()
                .expectBody(Crashed.class).value(crashed -> {
                    assertThat(crashed.pid()).isEqualTo(before.get("pricingService").pid());
                    assertThat(crashed.reason()).contains("IllegalStateException", "pricing crashed on purpose");
                });

        Map<String, ProcessInfo> after = awaitRestarted(before, "pricingService", "inventoryService");
        assertThat(after.get("pricingService").restarts()).isEqualTo(before.get("pricingService").restarts() + 1);
        assertThat(after.get("inventoryService").restarts()).isEqualTo(before.get("inventoryService").restarts() + 1);
        assertThat(after.get("rateLimiter")).as("independent: untouched").isEqualTo(before.get("rateLimiter"));
        assertThat(price("espresso")).as("a fresh pricing starts from the list prices")
                .isEqualByComparingTo(PricingService.LIST_PRICES.get("espresso"));
        assertThat(available("croissant")).as("a fresh inventory starts from the opening stock")
                .isEqualTo(InventoryService.OPENING_STOCK.get("croissant"));
    }

    @Test
    void aCrashedInventoryRestartsAloneAndPricingKeepsItsState() {
        setPrice("espresso", "7.77");
        Map<String, ProcessInfo> before = byName(processes());

        http.post().uri("/api/crash/inventoryService").exchange()
                .expectStatus().isAccepted();

        Map<String, ProcessInfo> after = awaitRestarted(before, "inventoryService");
        assertThat(after.get("inventoryService").restarts()).isEqualTo(before.get("inventoryService").restarts() + 1);
        assertThat(after.get("pricingService")).as("what inventory depends on is left alone")
                .isEqualTo(before.get("pricingService"));
        assertThat(after.get("rateLimiter")).isEqualTo(before.get("rateLimiter"));
        assertThat(price("espresso")).isEqualByComparingTo("7.77");
    }

    @Test
    void crashingAnUnknownProcessIsNotFound() {
        http.post().uri("/api/crash/nobody").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(String.class,
                        detail -> assertThat(detail).contains("'nobody'", "pricingService", "inventoryService", "rateLimiter"));
    }

    /** Waits until each of {@code restarted} runs again with a new pid; returns the processes then. */
    private Map<String, ProcessInfo> awaitRestarted(Map<String, ProcessInfo> before, String... restarted) {
        return await().atMost(WAIT).until(() -> byName(processes()), now -> {
            for (String name : restarted) {
                String pid = now.get(name).pid();
                if (pid == null || pid.equals(before.get(name).pid())) {
                    return false;
                }
            }
            return true;
        });
    }

    private List<ProcessInfo> processes() {
        return http.get().uri("/api/processes").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<ProcessInfo>>() { }).returnResult().getResponseBody();
    }

    private static Map<String, ProcessInfo> byName(List<ProcessInfo> processes) {
        return processes.stream().collect(Collectors.toMap(ProcessInfo::name, Function.identity()));
    }

    private void setPrice(String sku, String price) {
        http.put().uri("/api/prices/{sku}", sku).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("price", new BigDecimal(price))).exchange()
                .expectStatus().isOk();
    }

    private BigDecimal price(String sku) {
        return http.get().uri("/api/prices/{sku}", sku).exchange()
                .expectStatus().isOk()
                .expectBody(Price.class).returnResult().getResponseBody().price();
    }

    private void reserve(String sku) {
        http.post().uri("/api/inventory/{sku}/reserve", sku).header("X-Client-Id", "supervision-test-" + UUID.randomUUID())
                .exchange()
                .expectStatus().isOk();
    }

    private int available(String sku) {
        return http.get().uri("/api/inventory/{sku}", sku).exchange()
                .expectStatus().isOk()
                .expectBody(Stock.class).returnResult().getResponseBody().available();
    }
}
