package io.otpspring.spring.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.otpspring.core.genserver.From;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.statem.Action;
import io.otpspring.core.statem.Event;
import io.otpspring.core.statem.StateChange;
import io.otpspring.core.statem.Transition;
import io.otpspring.core.statem.TransitionListener;
import io.otpspring.spring.annotation.GenServer;
import io.otpspring.spring.annotation.GenStateMachine;
import io.otpspring.spring.autoconfigure.OtpAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A {@code @GenStateMachine} bean through a real context: calls, its handle's audit trail, listeners, restarts. */
class StateMachineBeanTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class))
            .withUserConfiguration(Beans.class);

    enum Door { LOCKED, OPEN }

    /** An ordinary bean the machine depends on: the code that opens the door. */
    record Code(String digits) {
    }

    /** A door: the right code opens it, "lock" locks it, "break" crashes it. */
    @GenStateMachine
    static class DoorMachine implements io.otpspring.core.statem.GenStateMachine<Door> {

        private final Code code;

        DoorMachine(Code code) {
            this.code = code;
        }

        @Override
        public Transition.Next<Door> init(ProcessContext self) {
            return Transition.next(Door.LOCKED);
        }

        @Override
        public Transition<Door> handleEvent(Door door, Event<Door> event) {
            if (!(event instanceof Event.Call<Door>(Object request, From from))) {
                return Transition.keep();
            }
            if (request.equals("break")) {
                throw new IllegalStateException("the door breaks on purpose");
            }
            if (door == Door.LOCKED && request.equals(code.digits())) {
                return Transition.next(Door.OPEN, Action.reply(from, "opened"));
            }
            if (door == Door.OPEN && request.equals("lock")) {
                return Transition.next(Door.LOCKED, Action.reply(from, "locked"));
            }
            return Transition.keep(Action.reply(from, door));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {
        final List<StateChange<?>> heard = new CopyOnWriteArrayList<>();

        @Bean
        Code code() {
            return new Code("1234");
        }

        @Bean
        DoorMachine door(Code code) {
            return new DoorMachine(code);
        }

        @Bean
        TransitionListener<Object> auditTrail() {
            return heard::add;
        }

        @Bean
        TransitionListener<Door> doorsOnly() {
            return doors::add;
        }

        @Bean
        TransitionListener<String> otherMachines() {
            return change -> {
                throw new AssertionError("a listener for String states heard a door: " + change);
            };
        }

        final List<StateChange<Door>> doors = new CopyOnWriteArrayList<>();
    }

    @Test
    void theHandleCallsTheMachineAndKeepsItsAuditTrail() {
        contexts.run(context -> {
            @SuppressWarnings("unchecked")
            StateMachineHandle<Door> door = context.getBean(StateMachineHandle.class);

            assertThat(door.name()).isEqualTo("door");
            assertThat(door.<Object>call("0000")).isEqualTo(Door.LOCKED);
            assertThat(door.<String>call("1234")).isEqualTo("opened");
            assertThat(door.state()).isEqualTo(Door.OPEN);
            assertThat(door.<String>call("lock")).isEqualTo("locked");

            assertThat(door.recentTransitions()).extracting(StateChange::from, StateChange::to).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(null, Door.LOCKED),
                    org.assertj.core.groups.Tuple.tuple(Door.LOCKED, Door.OPEN),
                    org.assertj.core.groups.Tuple.tuple(Door.OPEN, Door.LOCKED));
            assertThat(context.getBean(Beans.class).heard).as("a listener of Object hears every machine").hasSize(3);
            assertThat(context.getBean(Beans.class).doors).as("a listener of Door states hears doors").hasSize(3);
        });
    }

    @Test
    void aCrashRestartsTheMachineInItsInitialStateAndTheTrailShowsIt() {
        contexts.run(context -> {
            @SuppressWarnings("unchecked")
            StateMachineHandle<Door> door = context.getBean(StateMachineHandle.class);
            door.call("1234");

            assertThatThrownBy(() -> door.call("break")).isInstanceOf(ExitException.class)
                    .hasMessageContaining("the door breaks on purpose");

            await().atMost(WAIT).untilAsserted(() -> assertThat(door.recentTransitions()).last()
                    .satisfies(change -> assertThat(change.isInitial()).isTrue()));
            assertThat(door.state()).isEqualTo(Door.LOCKED);
            assertThat(door.<Object>call("anything")).isEqualTo(Door.LOCKED);
        });
    }

    @Test
    void theHandleIsInjectableByItsStateType() {
        contexts.withBean("doorUser", DoorUser.class).run(context -> {
            assertThat(context.getBean(DoorUser.class).door().name()).isEqualTo("door");
            assertThat(context.getBean(DoorUser.class).door().<String>call("1234")).isEqualTo("opened");
        });
    }

    /** A bean injecting the handle by its generic type. */
    record DoorUser(StateMachineHandle<Door> door) {
    }

    /** Not a state machine at all. */
    @GenStateMachine
    static class NotAMachine {
    }

    @Test
    void aGenStateMachineBeanThatIsNoStateMachineFailsTheContext() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class))
                .withBean("notAMachine", NotAMachine.class)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("'notAMachine'").hasMessageContaining("does not implement"));
    }

    /** Both kinds of process at once. */
    @GenServer
    @GenStateMachine
    static class Confused extends DoorMachine {
        Confused() {
            super(new Code("0"));
        }
    }

    @Test
    void aBeanThatIsBothAGenServerAndAStateMachineFailsTheContext() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(OtpAutoConfiguration.class))
                .withBean("confused", Confused.class)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("both @GenServer and @GenStateMachine"));
    }
}
