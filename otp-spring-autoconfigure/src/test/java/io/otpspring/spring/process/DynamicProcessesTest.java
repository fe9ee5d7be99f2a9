package io.otpspring.spring.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.otpspring.core.genserver.From;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.process.StartException;
import io.otpspring.core.statem.Action;
import io.otpspring.core.statem.Event;
import io.otpspring.core.statem.Transition;
import io.otpspring.core.supervision.ChildInfo;
import io.otpspring.core.supervision.ChildType;
import io.otpspring.core.supervision.DynamicSupervisor;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.spring.annotation.GenServer;
import io.otpspring.spring.annotation.GenStateMachine;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import io.otpspring.spring.tree.TreeNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Prototype process beans run as a process per key under a dynamic supervisor, reached by key. */
class DynamicProcessesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class))
            .withUserConfiguration(Beans.class);

    /** A singleton process every cart depends on. */
    @GenServer
    static class Catalogue {
        public int price(String item) {
            return item.length();
        }
    }

    /** A cart per owner: the owner is its constructor argument, the catalogue is injected. */
    @GenServer
    static class Cart {
        private final String owner;
        private final List<String> items = new ArrayList<>();
        @Autowired
        private Catalogue catalogue;
        private Pid self;

        Cart(String owner) {
            this.owner = owner;
        }

        @io.otpspring.spring.annotation.Init
        void init(ProcessContext context) {
            self = context.self();
        }

        public String owner() {
            return owner;
        }

        public int add(String item) {
            items.add(item);
            return items.stream().mapToInt(catalogue::price).sum();
        }

        public List<String> items() {
            return List.copyOf(items);
        }

        public Pid self() {
            return self;
        }

        public void crash() {
            throw new IllegalStateException("the cart crashes on purpose");
        }
    }

    enum Step { OPEN, CLOSED }

    /** An order per id: open until closed. */
    @GenStateMachine
    static class OrderFlow implements io.otpspring.core.statem.GenStateMachine<Step> {
        @Override
        public Transition.Next<Step> init(ProcessContext self) {
            return Transition.next(Step.OPEN);
        }

        @Override
        public Transition<Step> handleEvent(Step step, Event<Step> event) {
            if (event instanceof Event.Call<Step>(Object request, From from)) {
                return request.equals("close") ? Transition.next(Step.CLOSED, Action.reply(from, "closed"))
                        : Transition.keep(Action.reply(from, step));
            }
            return Transition.keep();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        Catalogue catalogue() {
            return new Catalogue();
        }

        @Bean
        @Scope("prototype")
        Cart cart(String owner) {
            return new Cart(owner);
        }

        @Bean
        @Scope("prototype")
        OrderFlow order() {
            return new OrderFlow();
        }
    }

    @Test
    void aContextStoppedAndStartedAgainKeepsTheTreeItDerivedFirst() {
        contexts.run(context -> {
            carts(context).start("alice", "alice");
            TreeNode.Branch first = context.getBean(ProcessTree.class).tree();

            // alice's instance recorded that a cart depends on the catalogue; the tree must not change
            context.getSourceApplicationContext(ConfigurableApplicationContext.class).stop();
            context.getSourceApplicationContext(ConfigurableApplicationContext.class).start();

            assertThat(context.getBean(ProcessTree.class).tree()).isEqualTo(first);
            assertThat(first.children()).filteredOn(child -> child.name().equals("cart")).singleElement()
                    .satisfies(cart -> assertThat(cart.dependsOn()).isEmpty());
            assertThat(carts(context).start("bob", "bob").items()).isEmpty();
        });
    }

    @SuppressWarnings("unchecked")
    private static DynamicProcesses<Cart> carts(AssertableApplicationContext context) {
        return (DynamicProcesses<Cart>) context.getBeanProvider(
                ResolvableType.forClassWithGenerics(DynamicProcesses.class, Cart.class)).getObject();
    }

    @SuppressWarnings("unchecked")
    private static DynamicProcesses<StateMachineHandle<Step>> orders(AssertableApplicationContext context) {
        return (DynamicProcesses<StateMachineHandle<Step>>) context.getBean("order");
    }

    @Test
    void eachKeyGetsItsOwnProcessBuiltWithItsArguments() {
        contexts.run(context -> {
            DynamicProcesses<Cart> carts = carts(context);

            Cart alice = carts.start("alice", "alice");
            Cart bob = carts.getOrStart("bob", "bob");

            assertThat(alice.add("tea")).isEqualTo(3);
            assertThat(alice.add("coffee")).isEqualTo(9);
            assertThat(bob.items()).isEmpty();
            assertThat(carts.get("alice").owner()).isEqualTo("alice");
            assertThat(carts.keys()).containsExactlyInAnyOrder("alice", "bob");
            assertThat(carts.count()).isEqualTo(2);
            assertThat(carts.getOrStart("alice", "someone else").items()).containsExactly("tea", "coffee");
            assertThat(carts.whereis("alice")).isEqualTo(alice.self());
        });
    }

    @Test
    void aKeyHasOneProcessAtMost() {
        contexts.run(context -> {
            DynamicProcesses<Cart> carts = carts(context);
            carts.start("alice", "alice");

            assertThatThrownBy(() -> carts.start("alice", "alice")).isInstanceOf(StartException.class)
                    .hasMessageContaining("key 'alice' of 'cart' has a process already");
        });
    }

    @Test
    void aCrashedKeyProcessRestartsWithItsArgumentsAndFreshState() {
        contexts.run(context -> {
            DynamicProcesses<Cart> carts = carts(context);
            Cart alice = carts.start("alice", "alice");
            alice.add("tea");
            Pid before = alice.self();

            assertThatThrownBy(alice::crash).isInstanceOf(ExitException.class);

            await().atMost(WAIT).untilAsserted(() -> assertThat(carts.whereis("alice")).isNotNull().isNotEqualTo(before));
            assertThat(alice.owner()).isEqualTo("alice");
            assertThat(alice.items()).as("state starts afresh").isEmpty();
        });
    }

    @Test
    void aStoppedKeyIsGoneAndCallsToItExitWithNoproc() {
        contexts.run(context -> {
            DynamicProcesses<Cart> carts = carts(context);
            carts.start("alice", "alice");

            assertThat(carts.stop("alice")).isTrue();

            assertThat(carts.find("alice")).isEmpty();
            assertThat(carts.stop("alice")).isFalse();
            assertThatThrownBy(() -> carts.get("alice").items()).isInstanceOf(ExitException.class)
                    .hasMessageContaining("noproc");
        });
    }

    @Test
    void theDynamicSupervisorSitsInTheTreeAndHonoursMaxChildren() {
        contexts.withPropertyValues("otp.processes.cart.max-children=1").run(context -> {
            DynamicProcesses<Cart> carts = carts(context);
            Node node = context.getBean(Node.class);
            carts.start("alice", "alice");

            assertThatThrownBy(() -> carts.start("bob", "bob")).isInstanceOf(StartException.class)
                    .hasMessageContaining("maximum of 1 children");
            List<ChildInfo> root = Supervisor.whichChildren(node.named(ProcessTree.ROOT));
            assertThat(root).filteredOn(child -> child.id().equals("cart")).singleElement()
                    .satisfies(child -> assertThat(child.type()).isEqualTo(ChildType.SUPERVISOR));
            assertThat(DynamicSupervisor.countChildren(node.named("cart")).active()).isEqualTo(1);
        });
    }

    @Test
    void aStateMachinePerKeyHasItsOwnHandleAndTrail() {
        contexts.run(context -> {
            DynamicProcesses<StateMachineHandle<Step>> orders = orders(context);

            StateMachineHandle<Step> first = orders.start("order-1");
            StateMachineHandle<Step> second = orders.start("order-2");
            assertThat(first.<String>call("close")).isEqualTo("closed");

            assertThat(first.state()).isEqualTo(Step.CLOSED);
            assertThat(second.state()).isEqualTo(Step.OPEN);
            assertThat(orders.get("order-1").recentTransitions()).hasSize(2);
            assertThat(first.name()).isEqualTo("order/order-1");
        });
    }
}
