package io.otpspring.cluster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessContext;
import io.otpspring.core.process.SpawnOptions;

import static org.awaitility.Awaitility.await;

/**
 * A process that records what it receives (plain messages, {@code Down}s, {@code Exit}s when it
 * traps exits, node events) and runs actions as itself; answers the call {@code "ping"} with
 * {@code "pong"}.
 */
public final class Recorder implements GenServer {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<Object> received = new CopyOnWriteArrayList<>();
    private ProcessContext self;
    private Pid pid;

    public static Recorder start(Node node, boolean trapExits) {
        Recorder recorder = new Recorder();
        recorder.pid = GenServer.start(node, recorder, SpawnOptions.defaults().withTrapExits(trapExits));
        return recorder;
    }

    @Override
    public void init(ProcessContext self) {
        this.self = self;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Reply handleCall(Object request, From from) {
        if ("ping".equals(request)) {
            return Reply.of("pong");
        }
        return Reply.of(((Function<ProcessContext, Object>) request).apply(self));
    }

    @Override
    public void handleInfo(Object message) {
        received.add(message);
    }

    public Pid pid() {
        return pid;
    }

    /** Runs {@code action} as this process and returns its result. */
    public <T> T call(Function<ProcessContext, T> action) {
        return GenServer.call(pid, action, WAIT);
    }

    /** What it received so far, in order. */
    public List<Object> received() {
        return List.copyOf(received);
    }

    /** Waits (up to 20 s) for the first message of {@code type}. */
    public <T> T awaitMessage(Class<T> type) {
        return awaitMessage(type, WAIT);
    }

    /** Waits up to {@code atMost} for the first message of {@code type}. */
    public <T> T awaitMessage(Class<T> type, Duration atMost) {
        await().atMost(atMost).until(() -> received.stream().anyMatch(type::isInstance));
        return type.cast(received.stream().filter(type::isInstance).findFirst().orElseThrow());
    }
}
