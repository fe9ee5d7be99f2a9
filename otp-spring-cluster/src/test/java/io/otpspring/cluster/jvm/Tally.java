package io.otpspring.cluster.jvm;

import io.otpspring.cluster.placement.Checkpoint;
import io.otpspring.cluster.placement.ChildFactory;
import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.ProcessContext;
import org.jspecify.annotations.Nullable;

/**
 * A key's process of the {@value #SUPERVISOR} distributed supervisor, which every node of the
 * several-JVM tests runs: {@code "incr"} counts and saves the count, {@code "get"} answers it,
 * {@code "node"} answers the node it runs on.
 */
final class Tally implements GenServer {

    /** The distributed supervisor's name. */
    static final String SUPERVISOR = "tallies";

    /** Makes a key's process from its last saved count. */
    static final ChildFactory<Long> FACTORY = (key, saved, checkpoint) -> new Tally(saved, checkpoint);

    private final Checkpoint<Long> checkpoint;
    private long count;
    private @Nullable ProcessContext self;

    private Tally(@Nullable Long saved, Checkpoint<Long> checkpoint) {
        this.checkpoint = checkpoint;
        this.count = saved == null ? 0 : saved;
    }

    @Override
    public void init(ProcessContext self) {
        this.self = self;
    }

    @Override
    public Reply handleCall(Object request, From from) {
        return switch (String.valueOf(request)) {
            case "incr" -> {
                count++;
                checkpoint.save(count);
                yield Reply.of(count);
            }
            case "get" -> Reply.of(count);
            case "node" -> Reply.of(self.node().name());
            default -> throw new IllegalArgumentException("unknown call " + request);
        };
    }
}
