package io.otpspring.benchmarks;

import java.time.Duration;
import java.util.concurrent.ExecutionException;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.japi.function.Function;

/**
 * Apache Pekko typed (Java DSL) as the benchmarks' {@code pekko…} methods run it: an
 * {@link ActorSystem} whose guardian is Pekko's {@link SpawnProtocol}, so a benchmark thread can
 * spawn top-level actors, and requests from outside an actor made with {@link AskPattern#ask}
 * (awaited with {@code toCompletableFuture().get()}, with the 5 s timeout of a GenServer call).
 * <p>
 * Pekko's defaults, apart from logging: the default dispatcher (a fork-join pool of as many
 * threads as cores, but at least 8: {@code parallelism-min = 8}; 5 messages per actor per turn) and
 * typed actors' default mailbox (unbounded, single consumer). Logging is quiet: {@code WARNING} and above, no dead-letter
 * reports; the typed API logs through SLF4J, which has no provider here (and is told not to warn
 * about it), so the log calls of supervision (a restarted actor is logged at {@code ERROR}) go
 * nowhere, as otp-spring's crash reports do in these benchmarks (see {@link RestartLatencyBenchmark}).
 * ({@code commons-logging.properties} keeps Spring's logging on {@code java.util.logging}, which it
 * would otherwise leave for SLF4J now that SLF4J is on the class path.)
 */
final class PekkoRuntime {

    /** The timeout of an ask: that of {@code GenServer.call}. */
    static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);

    private static final String SETTINGS = """
            pekko.loglevel = WARNING
            pekko.stdout-loglevel = WARNING
            pekko.log-dead-letters = off
            pekko.log-dead-letters-during-shutdown = off
            """;

    private PekkoRuntime() {
    }

    /** Starts an actor system with Pekko's defaults and quiet logging. */
    static ActorSystem<SpawnProtocol.Command> start() {
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        Config config = ConfigFactory.parseString(SETTINGS).withFallback(ConfigFactory.load());
        return ActorSystem.create(SpawnProtocol.create(), "bench", config);
    }

    /** Spawns a top-level actor (a child of the guardian) and waits for its reference. */
    static <T> ActorRef<T> spawn(ActorSystem<SpawnProtocol.Command> system, Behavior<T> behavior, String name) {
        return ask(system, system, replyTo -> new SpawnProtocol.Spawn<>(behavior, name, Props.empty(), replyTo));
    }

    /** Asks {@code target} and waits for the answer: {@code AskPattern.ask(...).toCompletableFuture().get()}. */
    static <Q, A> A ask(ActorSystem<?> system, RecipientRef<Q> target, Function<ActorRef<A>, Q> request) {
        try {
            return AskPattern.ask(target, request, ASK_TIMEOUT, system.scheduler()).toCompletableFuture().get();
        }
        catch (ExecutionException failed) {
            throw new IllegalStateException(failed.getCause());
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Terminates {@code system}, stopping every actor, and waits until it has. */
    static void stop(ActorSystem<?> system) {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().join();
    }
}
