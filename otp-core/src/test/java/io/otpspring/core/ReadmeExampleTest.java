package io.otpspring.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.ExitException;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.ProcessRef;
import io.otpspring.core.supervision.ChildSpec;
import io.otpspring.core.supervision.Supervisor;
import io.otpspring.core.supervision.SupervisorSpec;
import org.junit.jupiter.api.Test;

/** The quick-start example of README.md, kept compiling and true. */
class ReadmeExampleTest {

    static final class Counter implements GenServer {
        private int count;

        @Override
        public Reply handleCall(Object request, From from) {
            if (request.equals("crash")) {
                throw new IllegalStateException("boom");
            }
            return Reply.of(count);
        }

        @Override
        public void handleCast(Object message) {
            count++;
        }
    }

    @Test
    void quickStart() {
        try (Node node = Node.start("demo")) {
            Supervisor.start(node, SupervisorSpec.oneForOne(
                    ChildSpec.worker("counter", Counter::new).withName("counter")));
            ProcessRef counter = node.named("counter");

            GenServer.cast(counter, "increment");
            int count = GenServer.call(counter, "get");
            assertThatThrownBy(() -> GenServer.call(counter, "crash"))
                    .isInstanceOf(ExitException.class)
                    .hasMessageContaining("crash: java.lang.IllegalStateException: boom");
            int fresh = GenServer.call(counter, "get");

            assertThat(count).isEqualTo(1);
            assertThat(fresh).isZero();
        }
    }
}
