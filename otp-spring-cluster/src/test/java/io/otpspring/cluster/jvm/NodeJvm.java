package io.otpspring.cluster.jvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.otpspring.cluster.Cluster;
import io.otpspring.cluster.FailureDetection;
import io.otpspring.cluster.LoopbackCluster;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;

import static org.awaitility.Awaitility.await;

/**
 * A node in a JVM of its own ({@link NodeJvmMain}), member of a {@link LoopbackCluster} of this
 * JVM, with the test classpath and this JVM's {@code java}: to be killed ({@link #kill9()}),
 * frozen ({@link #stop()}) and thawed ({@link #cont()}) as a real machine's process would be.
 * Its stdout and stderr go to {@code target/node-jvms/<node>.out} and {@code .err}.
 *
 * <p>{@link #close()} ends it (see {@link NodeJvms}, which closes each after its test); should a
 * test JVM end without closing it, a shutdown hook does, and, failing that, the child exits on its
 * own when its stdin (a pipe from this JVM) closes.
 */
public final class NodeJvm implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Path DIRECTORY = Path.of("target", "node-jvms");
    private static final Set<NodeJvm> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(RUNNING).forEach(NodeJvm::close), "node-jvms-shutdown"));
    }

    private final String nodeName;
    private final Process process;
    private final Path out;
    private final Path err;

    private NodeJvm(String nodeName, Process process, Path out, Path err) {
        this.nodeName = nodeName;
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts node {@code nodeName} in a new JVM, a member of {@code cluster} with its failure
     * detection, and returns once it said it is ready (its processes started).
     */
    public static NodeJvm start(LoopbackCluster cluster, String nodeName) {
        FailureDetection timings = cluster.failureDetection();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a small JVM that starts fast: two cores run the test JVM and its children
        command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("--add-") || argument.startsWith("--enable-native-access"))
                .forEach(command::add);
        String logging = System.getProperty("java.util.logging.config.file");
        if (logging != null) {
            command.add("-Djava.util.logging.config.file=" + logging);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), NodeJvmMain.class.getName(),
                cluster.name(), Integer.toString(cluster.basePort()), nodeName,
                Long.toString(timings.heartbeatInterval().toSeconds()), Long.toString(timings.maxNoHeartbeat().toSeconds()),
                Long.toString(timings.mergeDelay().toSeconds())));
        try {
            Files.createDirectories(DIRECTORY);
            Path out = DIRECTORY.resolve(nodeName + ".out");
            Path err = DIRECTORY.resolve(nodeName + ".err");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            NodeJvm jvm = new NodeJvm(nodeName, process, out, err);
            RUNNING.add(jvm);
            jvm.awaitReady();
            return jvm;
        }
        catch (IOException failure) {
            throw new UncheckedIOException("could not start a JVM for node " + nodeName, failure);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!lines().contains("ready")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String why = process.isAlive() ? "not ready within " + START_TIMEOUT : "exited with " + process.exitValue();
                close();
                throw new IllegalStateException("the JVM of node " + nodeName + " " + why + "; its stderr ends with:\n" + tail(err, 40));
            }
            sleep(50);
        }
    }

    /** The node's name. */
    public String nodeName() {
        return nodeName;
    }

    /** The operating system's id of its process. */
    public long osPid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The pid of its process registered under {@code name} (see {@link NodeJvmMain}), as seen from {@code from}. */
    public Pid pid(Node from, String name) {
        String prefix = "pid " + name + " ";
        String[] parts = lines().stream().filter(line -> line.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalStateException("node " + nodeName + " has no process " + name))
                .substring(prefix.length()).split(" ");
        return from.pid(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
    }

    /** Waits until each of {@code observers} sees this node connected. */
    public NodeJvm awaitConnectedTo(Cluster... observers) {
        await().atMost(START_TIMEOUT).until(() -> java.util.Arrays.stream(observers).allMatch(cluster -> cluster.isConnected(nodeName)));
        return this;
    }

    /** What it said on stdout so far, one line each, without the time. */
    public List<String> lines() {
        try {
            if (!Files.exists(out)) {
                return List.of();
            }
            return Files.readAllLines(out, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.indexOf(' ') > 0)
                    .map(line -> line.substring(line.indexOf(' ') + 1))
                    .toList();
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Waits up to {@code atMost} until it said {@code line}. */
    public void awaitLine(String line, Duration atMost) {
        await().atMost(atMost).until(() -> lines().contains(line));
    }

    /** Kills it at once ({@code SIGKILL}): no shutdown hook, no goodbye to the other members. */
    public void kill9() {
        process.destroyForcibly();
        waitForExit();
        RUNNING.remove(this);
    }

    /**
     * Freezes it ({@code SIGSTOP}): its connections stay open, it sends nothing, not even
     * heartbeats. Returns once the kernel reports it stopped.
     */
    public void stop() {
        signal("STOP");
        await().atMost(Duration.ofSeconds(10)).until(() -> state() == 'T');
    }

    /** The process's state letter in {@code /proc/<pid>/stat} ({@code T}: stopped). */
    private char state() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }

    /** Thaws it ({@code SIGCONT}) after {@link #stop()}. */
    public void cont() {
        signal("CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed: " + output);
            }
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Ends it ({@code SIGKILL}: a frozen JVM ends too) if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitForExit();
        }
        RUNNING.remove(this);
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the JVM of node " + nodeName + " (pid " + process.pid() + ") did not exit");
            }
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        catch (IOException failure) {
            return "(unreadable: " + failure + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Override
    public String toString() {
        return "node " + nodeName + " (JVM pid " + process.pid() + ")";
    }
}
