package io.otpspring.core.registry;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Probe;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.core.supervision.SupervisorSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Registry example of README.md, kept compiling and true. */
class ReadmeRegistryExampleTest {

    /** A user's session: answers "status", crashes on "crash". */
    static final class UserSession implements GenServer {

        @Override
        public Reply handleCall(Object request, From from) {
            if (request.equals("crash")) {
                throw new IllegalStateException("boom");
            }
            return Reply.of("online");
        }
    }

    @Test
    void processPerUserAndPubSub() {
        try (Node node = Node.start("demo")) {
            Registry<String, Object> users = Registry.unique(node, "users");
            Supervisor.start(node, SupervisorSpec.oneForOne(
                    ChildSpec.worker("alice", UserSession::new).withName(users.via("alice"))));
            String status = GenServer.call(users.via("alice"), "status");
            assertThat(status).isEqualTo("online");
            assertThatThrownBy(() -> GenServer.call(users.via("alice"), "crash")).isInstanceOf(ExitException.class);
            Probe.eventually().until(() -> users.whereis("alice") != null);
            assertThat((String) GenServer.call(users.via("alice"), "status")).isEqualTo("online");

            Probe subscriber = Probe.recording();
            Registry<String, String> topics = Registry.duplicate(node, "topics");
            topics.register("news", subscriber.spawn(node), "en");
            int sent = topics.dispatch("news", e -> e.pid().send("headline for " + e.value()));
            assertThat(sent).isEqualTo(1);
            assertThat(subscriber.next()).isEqualTo("headline for en");
        }
    }
}
