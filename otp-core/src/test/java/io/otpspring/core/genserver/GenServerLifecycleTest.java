package io.otpspring.core.genserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.process.SpawnOptions;
import io.otpspring.core.process.StartException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GenServerLifecycleTest {

    private final Node node = Node.start("lifecycle");
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        node.close();
    }

    /** Records every callback into {@link #events}. */
    final class Recording implements GenServer {

        @Override
        public void init(ProcessContext self) {
            events.add("init");
        }

        @Override
        public void handleCast(Object message) {
            events.add("cast " + message);
            if (message.equals("crash")) {
                throw new IllegalArgumentException("bad cast");
            }
        }

        @Override
        public void handleInfo(Object message) {
            events.add("info " + message);
        }

        @Override
        public void terminate(ExitReason reason) {
            events.add("terminate " + reason);
        }
    }

    @Test
    void castsAndPlainMessagesReachTheirHandlersInOrder() {
        Pid server = GenServer.start(node, new Recording());

        GenServer.cast(server, "one");
        server.send("two");
        GenServer.cast(server, "three");

        await().untilAsserted(() -> assertThat(events).containsExactly("init", "cast one", "info two", "cast three"));
    }

    @Test
    void failingInitFailsTheStartWithTheReason() {
        GenServer failing = new GenServer() {
            @Override
            public void init(ProcessContext self) {
                throw new IllegalStateException("no database");
            }
        };

        assertThatThrownBy(() -> GenServer.start(node, failing, SpawnOptions.defaults().withName("db")))
                .isInstanceOfSatisfying(StartException.class, start -> {
                    assertThat(start.reason()).isInstanceOf(ExitReason.Crash.class);
                    assertThat(start.getCause()).hasMessage("no database");
                });
        assertThat(node.processCount()).isZero();
        assertThat(node.whereis("db")).isNull();
    }

    @Test
    void terminateRunsOnACrashWithTheCrashReason() {
        Pid server = GenServer.start(node, new Recording());

        GenServer.cast(server, "crash");

        await().untilAsserted(() -> assertThat(events).last().asString()
                .startsWith("terminate crash: java.lang.IllegalArgumentException: bad cast"));
        assertThat(node.exitReason(server)).isInstanceOf(ExitReason.Crash.class);
    }

    @Test
    void terminateRunsOnAGracefulStopAfterQueuedMessages() {
        Pid server = GenServer.start(node, new Recording());
        GenServer.cast(server, "queued");

        assertThat(node.stop(server, ExitReason.SHUTDOWN, Duration.ofSeconds(5))).isTrue();

        assertThat(events).containsExactly("init", "cast queued", "terminate shutdown");
    }

    @Test
    void terminateDoesNotRunWhenKilled() {
        Pid server = GenServer.start(node, new Recording());

        node.exit(server, ExitReason.KILL);

        assertThat(node.awaitExit(server, Duration.ofSeconds(5))).isEqualTo(ExitReason.KILLED);
        assertThat(events).containsExactly("init");
    }

    @Test
    void anUnhandledCallCrashesTheServer() {
        Pid server = GenServer.start(node, new Recording());

        assertThatThrownBy(() -> GenServer.call(server, "what?")).hasRootCauseInstanceOf(UnsupportedOperationException.class);
        assertThat(node.awaitExit(server, Duration.ofSeconds(5))).isInstanceOf(ExitReason.Crash.class);
    }

    @Test
    void aTrappingServerStopsWithTerminateWhenItsSupervisorExits() {
        Pid parent = node.spawn(message -> { }, SpawnOptions.defaults().withTrapExits(true));
        GenServer trapping = new GenServer() {
            @Override
            public void init(ProcessContext self) {
                self.trapExits(true);
            }

            @Override
            public void terminate(ExitReason reason) {
                events.add("terminate " + reason);
            }
        };
        Pid server = GenServer.start(node, trapping, SpawnOptions.defaults().withSupervisor(parent));

        node.exit(parent, ExitReason.KILL);

        assertThat(node.awaitExit(server, Duration.ofSeconds(5))).isEqualTo(ExitReason.KILLED);
        assertThat(events).containsExactly("terminate killed");
    }
}
