package io.otpspring.core.process;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.otpspring.core.process.Probe.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

class ExitListenerTest {

    private Node node;

    @BeforeEach
    void startNode() {
        node = Node.start("exit-listener-test");
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    @Test
    void listenersHearEveryKindOfExitOnce() {
        List<String> heard = new CopyOnWriteArrayList<>();
        Pid crashed = Probe.crashable().spawn(node);
        Pid stopped = Probe.crashable().spawn(node);
        Pid killed = Probe.crashable().spawn(node);
        for (Pid pid : List.of(crashed, stopped, killed)) {
            assertThat(node.addExitListener(pid, (who, reason) -> heard.add(who + " " + reason.getClass().getSimpleName())))
                    .isTrue();
        }

        crashed.send("crash");
        node.stop(stopped, ExitReason.SHUTDOWN, WAIT);
        node.exit(killed, ExitReason.KILL);
        node.exit(killed, ExitReason.KILL);

        Probe.eventually().until(() -> heard.size() == 3);
        assertThat(heard).containsExactlyInAnyOrder(crashed + " Crash", stopped + " Shutdown", killed + " Killed");
    }

    @Test
    void aListenerRunsBeforeMonitorsAreTold() {
        Pid target = Probe.crashable().spawn(node);
        List<Object> order = new CopyOnWriteArrayList<>();
        node.addExitListener(target, (pid, reason) -> order.add("listener"));
        Probe watcher = Probe.reacting((self, message) -> order.add(message.getClass().getSimpleName()));
        watcher.spawn(node);
        watcher.act(self -> self.monitor(target));

        target.send("crash");

        Probe.eventually().until(() -> order.size() == 2);
        assertThat(order).containsExactly("listener", "Down");
    }

    @Test
    void aDeadProcessTakesNoListener() {
        Pid dead = Probe.crashable().spawn(node);
        dead.send(ExitReason.NORMAL);
        node.awaitExit(dead, WAIT);

        assertThat(node.addExitListener(dead, (pid, reason) -> {
            throw new AssertionError("must not be called");
        })).isFalse();
    }

    @Test
    void aRemovedListenerIsNotCalled() {
        Pid target = Probe.crashable().spawn(node);
        List<ExitReason> heard = new CopyOnWriteArrayList<>();
        ExitListener removed = (pid, reason) -> heard.add(reason);
        node.addExitListener(target, removed);
        node.addExitListener(target, (pid, reason) -> heard.add(ExitReason.other("kept")));
        node.removeExitListener(target, removed);

        target.send(ExitReason.NORMAL);

        Probe.eventually().until(() -> !target.isAlive() && heard.size() == 1);
        assertThat(heard).containsExactly(ExitReason.other("kept"));
    }

    @Test
    void aThrowingListenerDoesNotStopTheOthersNorTheExit() {
        Pid target = Probe.crashable().spawn(node);
        List<ExitReason> heard = new CopyOnWriteArrayList<>();
        node.addExitListener(target, (pid, reason) -> {
            throw new IllegalStateException("a broken listener, on purpose");
        });
        node.addExitListener(target, (pid, reason) -> heard.add(reason));

        target.send("crash");

        assertThat(node.awaitExit(target, WAIT)).isInstanceOf(ExitReason.Crash.class);
        Probe.eventually().until(() -> heard.size() == 1);
    }
}
