package io.otpspring.sample.cart;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.sample.SampleAppTest;
import io.otpspring.sample.pricing.PricingService;
import io.otpspring.sample.processes.Crashed;
import io.otpspring.sample.processes.ProcessInfo;
import io.otpspring.spring.process.DynamicProcesses;
import io.otpspring.test.OtpTestKit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/carts}: a process per cart under the {@code shoppingCart} dynamic supervisor. */
@SampleAppTest
class CartApiTest {

    @Autowired
    RestTestClient http;

    @Autowired
    DynamicProcesses<ShoppingCart> carts;

    @Autowired
    OtpTestKit kit;

    @Autowired
    Node node;

    @Test
    void eachCartIsAProcessOfItsOwn() {
        String alice = newCart();
        String bob = newCart();

        add(alice, "latte", 2);
        add(alice, "latte", 1);
        Cart bobs = add(bob, "croissant", 1);

        Cart alices = cart(alice);
        assertThat(alices.lines()).singleElement().satisfies(line -> {
            assertThat(line.sku()).isEqualTo("latte");
            assertThat(line.quantity()).isEqualTo(3);
            assertThat(line.total()).isEqualByComparingTo(PricingService.LIST_PRICES.get("latte").multiply(BigDecimal.valueOf(3)));
        });
        assertThat(bobs.lines()).extracting(CartLine::sku).containsExactly("croissant");
        assertThat(alices.pid()).isNotEqualTo(bobs.pid());
        assertThat(ids()).contains(alice, bob);
    }

    @Test
    void removesAnItem() {
        String id = newCart();
        add(id, "latte", 1);
        add(id, "espresso", 2);

        http.delete().uri("/api/carts/{id}/items/latte", id).exchange()
                .expectStatus().isOk()
                .expectBody(Cart.class).value(cart -> assertThat(cart.lines()).extracting(CartLine::sku)
                        .containsExactly("espresso"));
    }

    @Test
    void aCrashedCartRestartsEmptyAndTheOtherCartsKeepTheirItems() {
        String crashing = newCart();
        String other = newCart();
        add(crashing, "espresso", 2);
        Pid before = carts.whereis(crashing);
        add(other, "croissant", 1);

        http.post().uri("/api/carts/{id}/crash", crashing).exchange()
                .expectStatus().isAccepted()
                .expectBody(Crashed.class).value(crashed -> {
                    assertThat(crashed.pid()).isEqualTo(before.toString());
                    assertThat(crashed.reason()).contains("cart " + crashing + " crashed on purpose");
                });

        kit.faults().awaitRestart(carts.registry().via(crashing), before);
        assertThat(cart(crashing).lines()).as("a fresh incarnation starts empty").isEmpty();
        assertThat(cart(other).lines()).extracting(CartLine::sku).containsExactly("croissant");
    }

    @Test
    void deletingACartStopsItsProcess() {
        String id = newCart();
        add(id, "latte", 1);
        Pid pid = carts.whereis(id);

        http.delete().uri("/api/carts/{id}", id).exchange().expectStatus().isNoContent();

        assertThat(pid.isAlive()).isFalse();
        http.get().uri("/api/carts/{id}", id).exchange().expectStatus().isNotFound();
        assertThat(ids()).doesNotContain(id);
        http.delete().uri("/api/carts/{id}", id).exchange().expectStatus().isNotFound();
    }

    @Test
    void aDeclaredErrorLeavesTheCartRunning() {
        String id = newCart();
        String pid = add(id, "latte", 1).pid();

        post(id, Map.of("sku", "matcha")).expectStatus().isNotFound()
                .expectBody().jsonPath("$.title").isEqualTo("Unknown SKU");
        post(id, Map.of("sku", "latte", "quantity", 0)).expectStatus().isBadRequest();

        assertThat(cart(id).pid()).isEqualTo(pid);
        assertThat(cart(id).lines()).hasSize(1);
    }

    @Test
    void aPricingCrashRestartsPricingAndInventoryButNotTheCarts() {
        String id = newCart();
        String pid = add(id, "croissant", 2).pid();
        ProcessInfo supervisorBefore = process("shoppingCart");
        Pid pricingBefore = node.whereis("pricingService");

        http.post().uri("/api/crash/pricingService").exchange().expectStatus().isAccepted();

        kit.faults().awaitRestart(node.named("pricingService"), pricingBefore);
        // the carts' supervisor derives no dependency on pricing (see the README): it keeps running
        assertThat(process("shoppingCart")).isEqualTo(supervisorBefore);
        Cart after = cart(id);
        assertThat(after.pid()).isEqualTo(pid);
        assertThat(after.lines()).extracting(CartLine::quantity).containsExactly(2);
        // and its next call to pricing reaches the new incarnation
        assertThat(add(id, "latte", 1).lines()).hasSize(2);
    }

    @Test
    void anUnknownCartIsNotFound() {
        http.get().uri("/api/carts/nobody").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("No cart 'nobody': add an item to start one");
        http.post().uri("/api/carts/nobody/checkout").exchange().expectStatus().isNotFound();
    }

    private static String newCart() {
        return "cart-test-" + UUID.randomUUID();
    }

    private RestTestClient.ResponseSpec post(String id, Map<String, Object> item) {
        return http.post().uri("/api/carts/{id}/items", id).contentType(MediaType.APPLICATION_JSON).body(item).exchange();
    }

    private Cart add(String id, String sku, int quantity) {
        return post(id, Map.of("sku", sku, "quantity", quantity))
                .expectStatus().isOk()
                .expectBody(Cart.class).returnResult().getResponseBody();
    }

    private Cart cart(String id) {
        return http.get().uri("/api/carts/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody(Cart.class).returnResult().getResponseBody();
    }

    private List<String> ids() {
        return http.get().uri("/api/carts").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<String>>() { }).returnResult().getResponseBody();
    }

    private ProcessInfo process(String name) {
        return http.get().uri("/api/processes").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<ProcessInfo>>() { }).returnResult().getResponseBody()
                .stream().filter(process -> process.name().equals(name)).findFirst().orElseThrow();
    }
}
