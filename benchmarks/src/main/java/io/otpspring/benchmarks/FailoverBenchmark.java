package io.otpspring.benchmarks;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.otpspring.cluster.placement.Checkpoint;
import io.otpspring.cluster.placement.DistributedSupervisor;
import io.otpspring.cluster.transport.Members;
import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessRef;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long a key of a {@link DistributedSupervisor} is out of service when the member running it
 * crashes. Three nodes, each with its own Hazelcast member, in one JVM, on loopback (real TCP
 * between the members), the cluster's default failure detection and the supervisor's default spec
 * (a periodic reconcile pass every 5 s, so what is measured is the event-driven path). Two of them,
 * {@code caller} and {@code other}, live for the whole run; before each measured failover
 * (untimed), a fresh {@code victim-N} joins them, the cluster settles (every node sees the three,
 * no partition migrating, backups in sync), a key whose partition the victim owns is started from
 * {@code caller} (so it runs on the victim) and checkpoints its state once. The timed part starts
 * just before the crash: the victim's Hazelcast instance is terminated (no graceful shutdown, no
 * goodbye: its connections close, as a killed JVM's do) and its node closed. One failover per
 * invocation ({@code SingleShotTime}), each iteration one invocation:
 * <ul>
 * <li>{@code otpCrashToServing}: until a call by key from {@code caller}
 * ({@code GenServer.call(supervisor.ref(key), "get")}, each try with a 200 ms timeout, retried
 * 1 ms after a failure) is answered with the checkpointed state, by the key's successor on
 * {@code caller} or {@code other}.</li>
 * <li>{@code otpCrashToNodeDown}, the detection part: until both survivors' nodes have seen the
 * victim's node down (their {@link Members.Listener#nodeDown}, fired when Hazelcast removes the
 * member).</li>
 * </ul>
 * After each failover (untimed), a line {@code [failover] ...} gives its parts: how long the crash
 * call itself took, when each survivor saw the node down, and for {@code otpCrashToServing} when
 * the key served again and on which node. Then the key is terminated and what is left of the
 * victim closed. The victim is never the oldest member (Hazelcast's master), so a master election
 * is not part of it; a member that hangs instead of dying (its connections stay open) is noticed
 * only after the failure detector's {@code maxNoHeartbeat} (10 s by default), which is not
 * measured here.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.HAZELCAST_MODULES, Jvm.HAZELCAST_EXPORTS_REF,
        Jvm.HAZELCAST_OPENS_LANG, Jvm.HAZELCAST_OPENS_NIO, Jvm.HAZELCAST_OPENS_MANAGEMENT,
        Jvm.HAZELCAST_OPENS_MANAGEMENT_INTERNAL })
@Warmup(iterations = 2)
@Measurement(iterations = 10)
@Threads(1)
public class FailoverBenchmark {

    /** The first port of this benchmark's range (27900-27999), clear of {@link RemoteCallBenchmark}'s. */
    private static final int BASE_PORT = 27900;
    private static final String SUPERVISOR = "bench-failover";
    private static final String CALLER = "caller";
    private static final String OTHER = "other";
    private static final String SAVE = "save";
    private static final String GET = "get";
    /** The state the key's process checkpoints before the crash, and its successor must answer. */
    private static final int CHECKPOINTED = 1;
    /** How long any step may take before the benchmark fails. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(200);
    private static final long PROBE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** The two survivors for the whole run, and the victim and its key for one failover. */
    @State(Scope.Benchmark)
    public static class Failover {

        private LoopbackMember caller;
        private LoopbackMember other;
        private DistributedSupervisor<Integer> callerPart;
        private String clusterName;
        private int victims;

        private LoopbackMember victim;
        private String victimName;
        private String key;
        private ProcessRef byKey;
        private CountDownLatch down;
        private Members.Listener callerWatch;
        private Members.Listener otherWatch;
        private volatile long callerSawDown;
        private volatile long otherSawDown;
        private long crashed;
        private long crashReturned;
        private long serving;
        private int failedProbes;

        @Setup(Level.Trial)
        public void start() throws InterruptedException {
            clusterName = "bench-failover-" + UUID.randomUUID();
            caller = LoopbackMember.start(clusterName, CALLER, BASE_PORT, null);
            other = LoopbackMember.start(clusterName, OTHER, BASE_PORT, caller.address());
            awaitFormed(caller, other);
            callerPart = DistributedSupervisor.start(caller.cluster(), SUPERVISOR, Keeper::new);
            DistributedSupervisor.start(other.cluster(), SUPERVISOR, Keeper::new);
        }

        /** A fresh victim joins, and a key of its own checkpoints its state; then both survivors watch it. */
        @Setup(Level.Invocation)
        public void placeKeyOnFreshMember() throws InterruptedException {
            awaitFormed(caller, other);
            victimName = "victim-" + ++victims;
            victim = LoopbackMember.start(clusterName, victimName, BASE_PORT, caller.address());
            DistributedSupervisor.start(victim.cluster(), SUPERVISOR, Keeper::new);
            awaitFormed(caller, other, victim);

            key = keyOwnedBy(victim, "key-" + victims + "-");
            Pid pid = callerPart.startChild(key);
            if (!pid.node().equals(victimName)) {
                throw new IllegalStateException("key " + key + " started on " + pid.node() + ", not on " + victimName);
            }
            byKey = callerPart.ref(key);
            Object saved = GenServer.call(byKey, SAVE, WAIT);
            if (!isCheckpointed(saved)) {
                throw new IllegalStateException("key " + key + " saved " + saved + ", not " + CHECKPOINTED);
            }

            down = new CountDownLatch(2);
            callerSawDown = 0;
            otherSawDown = 0;
            crashed = 0;
            crashReturned = 0;
            serving = 0;
            failedProbes = 0;
            String watched = victimName;
            callerWatch = new Members.Listener() {
                @Override
                public void nodeDown(String node) {
                    if (node.equals(watched) && callerSawDown == 0) {
                        callerSawDown = System.nanoTime();
                        down.countDown();
                    }
                }
            };
            otherWatch = new Members.Listener() {
                @Override
                public void nodeDown(String node) {
                    if (node.equals(watched) && otherSawDown == 0) {
                        otherSawDown = System.nanoTime();
                        down.countDown();
                    }
                }
            };
            caller.cluster().members().addListener(callerWatch);
            other.cluster().members().addListener(otherWatch);
        }

        /** The crash: the victim's member terminated, its node closed. */
        void crash() {
            crashed = System.nanoTime();
            victim.crash();
            crashReturned = System.nanoTime();
        }

        /** Calls the key from {@code caller} until it answers its checkpointed state; returns the answer. */
        Object awaitServing() {
            RuntimeException lastFailure = null;
            while (true) {
                Object answer;
                try {
                    answer = GenServer.call(byKey, GET, PROBE_TIMEOUT);
                }
                catch (RuntimeException notYet) {
                    // no node answers for the key yet: its node is gone, no successor runs it yet
                    lastFailure = notYet;
                    failedProbes++;
                    if (System.nanoTime() - crashed > WAIT.toNanos()) {
                        throw new IllegalStateException("key " + key + " did not serve again within " + WAIT, lastFailure);
                    }
                    LockSupport.parkNanos(PROBE_PAUSE_NANOS);
                    continue;
                }
                serving = System.nanoTime();
                if (!isCheckpointed(answer)) {
                    throw new IllegalStateException("key " + key + " answered " + answer + " after the crash, not its checkpointed "
                            + CHECKPOINTED);
                }
                return answer;
            }
        }

        /** Waits until both survivors have seen the victim's node down; returns the nanoseconds since the crash. */
        long awaitNodeDown() throws InterruptedException {
            if (!down.await(WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("the survivors did not see " + victimName + " down within " + WAIT);
            }
            return Math.max(callerSawDown, otherSawDown) - crashed;
        }

        /** Prints the failover's parts, ends the key, and closes what is left of the victim (untimed). */
        @TearDown(Level.Invocation)
        public void endFailover() {
            caller.cluster().members().removeListener(callerWatch);
            other.cluster().members().removeListener(otherWatch);
            if (crashed == 0) {
                victim.crash();
            }
            else {
                report();
            }
            victim.cluster().close();
            callerPart.terminateChild(key);
        }

        private void report() {
            StringBuilder line = new StringBuilder("[failover] ").append(victimName)
                    .append(": crash call ").append(millis(crashReturned)).append(" ms")
                    .append("; node down seen by caller at ").append(millis(callerSawDown))
                    .append(" ms, by other at ").append(millis(otherSawDown)).append(" ms");
            if (serving != 0) {
                Pid successor = callerPart.whereis(key);
                line.append("; serving again at ").append(millis(serving)).append(" ms on ")
                        .append(successor == null ? "?" : successor.node())
                        .append(" (").append(failedProbes).append(" failed calls before)");
            }
            System.out.println(line);
        }

        /** Milliseconds from the crash to {@code nanoTime}, or "-" when it did not happen (yet). */
        private String millis(long nanoTime) {
            return nanoTime == 0 ? "-" : String.format("%.1f", (nanoTime - crashed) / 1e6);
        }

        @TearDown(Level.Trial)
        public void stop() {
            for (LoopbackMember member : new LoopbackMember[] { other, caller }) {
                if (member != null) {
                    member.close();
                }
            }
        }

        /** Waits until every one of {@code members} sees exactly them, and no partition is migrating or missing a backup. */
        private static void awaitFormed(LoopbackMember... members) throws InterruptedException {
            Set<String> names = new HashSet<>();
            for (LoopbackMember member : members) {
                names.add(member.node().name());
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!isFormed(names, members)) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("the cluster did not settle as " + names + " within " + WAIT);
                }
                Thread.sleep(10);
            }
        }

        private static boolean isFormed(Set<String> names, LoopbackMember... members) {
            for (LoopbackMember member : members) {
                if (!member.cluster().nodes().equals(names)) {
                    return false;
                }
            }
            return members[0].hazelcast().getPartitionService().isClusterSafe();
        }

        /** The first of {@code prefix0}, {@code prefix1}... whose partition {@code member} owns. */
        private static String keyOwnedBy(LoopbackMember member, String prefix) {
            for (int i = 0; ; i++) {
                com.hazelcast.cluster.Member owner = member.hazelcast().getPartitionService().getPartition(prefix + i).getOwner();
                if (owner != null && owner.localMember()) {
                    return prefix + i;
                }
            }
        }
    }

    /** A key's process: {@code "save"} counts and checkpoints the count, {@code "get"} answers it. */
    static final class Keeper implements GenServer {

        private final Checkpoint<Integer> checkpoint;
        private int count;

        Keeper(String key, @Nullable Integer saved, Checkpoint<Integer> checkpoint) {
            this.checkpoint = checkpoint;
            this.count = saved == null ? 0 : saved;
        }

        @Override
        public Reply handleCall(Object request, From from) {
            if (SAVE.equals(request)) {
                count++;
                if (!checkpoint.save(count)) {
                    throw new IllegalStateException("checkpoint refused");
                }
            }
            return Reply.of(count);
        }
    }

    private static boolean isCheckpointed(@Nullable Object answer) {
        return answer instanceof Number number && number.intValue() == CHECKPOINTED;
    }

    @Benchmark
    public Object otpCrashToServing(Failover failover) {
        failover.crash();
        return failover.awaitServing();
    }

    @Benchmark
    public long otpCrashToNodeDown(Failover failover) throws InterruptedException {
        failover.crash();
        return failover.awaitNodeDown();
    }
}
