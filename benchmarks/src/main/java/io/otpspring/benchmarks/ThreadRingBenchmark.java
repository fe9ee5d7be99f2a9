package io.otpspring.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.otpspring.core.process.Behavior;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Savina's thread ring: {@code ringSize} processes (1,000) in a ring pass a token {@code hops}
 * times (10 million in the full run; {@code run.sh --smoke} passes {@code -p hops=100000}). The
 * benchmark thread hands the token to the first member with the number of passes left; each member
 * passes it on to the next with one fewer (a new {@code Token} each time), and the one that
 * receives it with none left completes the lap. Only one message is in flight at any time, so this
 * measures a hand-off from one process to another: a wake-up of an idle process per hop. The score
 * is the time of a lap ({@code SingleShotTime}, ms); {@code hops} / score is the hops per second.
 * <ul>
 * <li>otp-spring: plain processes ({@link Behavior}), the token sent with {@code Pid.send}.</li>
 * <li>Pekko: actors with a {@code Behaviors.receiveMessage} behavior, the token sent with
 * {@code tell}.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { Jvm.HEAP_MIN, Jvm.HEAP_MAX })
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Threads(1)
public class ThreadRingBenchmark {

    /** The parameters and the lap in progress, for both runtimes; {@code R} is how a member is addressed. */
    @State(Scope.Benchmark)
    public abstract static class Ring<R> {

        @Param("1000")
        int ringSize;

        @Param("10000000")
        int hops;

        /** The members, in ring order. */
        final List<R> members = new ArrayList<>();

        /** Completed by the member that receives the token with no passes left. */
        volatile CompletableFuture<Void> lap = new CompletableFuture<>();

        R next(int index) {
            return members.get(index + 1 == members.size() ? 0 : index + 1);
        }

        /** Starts a lap: hands the token to the first member with {@code hops} passes left; waits for its end. */
        void lap() {
            CompletableFuture<Void> done = new CompletableFuture<>();
            lap = done;
            send(members.get(0), new Token(hops));
            done.join();
        }

        abstract void send(R member, Token token);
    }

    /** The token and how many times it is still to be passed on. */
    record Token(int passesLeft) {
    }

    /** otp-spring: {@code ringSize} processes on one node. */
    @State(Scope.Benchmark)
    public static class Otp extends Ring<Pid> {

        Node node;

        @Setup
        public void start() {
            node = Node.start("bench");
            for (int i = 0; i < ringSize; i++) {
                members.add(node.spawn(new Member(this, i)));
            }
        }

        @TearDown
        public void stop() {
            node.close();
        }

        @Override
        void send(Pid member, Token token) {
            member.send(token);
        }
    }

    /** Apache Pekko: {@code ringSize} top-level actors in one actor system. */
    @State(Scope.Benchmark)
    public static class Pekko extends Ring<ActorRef<Token>> {

        ActorSystem<SpawnProtocol.Command> system;

        @Setup
        public void start() {
            system = PekkoRuntime.start();
            for (int i = 0; i < ringSize; i++) {
                members.add(PekkoRuntime.spawn(system, pekkoMember(this, i), "member-" + i));
            }
        }

        @TearDown
        public void stop() {
            PekkoRuntime.stop(system);
        }

        @Override
        void send(ActorRef<Token> member, Token token) {
            member.tell(token);
        }
    }

    /** otp-spring: member {@code index} of {@code ring}. */
    record Member(Otp ring, int index) implements Behavior {

        @Override
        public void handle(Object message) {
            int passesLeft = ((Token) message).passesLeft();
            if (passesLeft == 0) {
                ring.lap.complete(null);
            }
            else {
                ring.next(index).send(new Token(passesLeft - 1));
            }
        }
    }

    /** Pekko: member {@code index} of {@code ring}. */
    static org.apache.pekko.actor.typed.Behavior<Token> pekkoMember(Pekko ring, int index) {
        return Behaviors.receiveMessage(token -> {
            int passesLeft = token.passesLeft();
            if (passesLeft == 0) {
                ring.lap.complete(null);
            }
            else {
                ring.next(index).tell(new Token(passesLeft - 1));
            }
            return Behaviors.same();
        });
    }

    @Benchmark
    public void otpThreadRing(Otp otp) {
        otp.lap();
    }

    @Benchmark
    public void pekkoThreadRing(Pekko pekko) {
        pekko.lap();
    }
}
