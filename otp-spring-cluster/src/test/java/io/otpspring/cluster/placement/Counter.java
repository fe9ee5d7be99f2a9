package io.otpspring.cluster.placement;

import io.otpspring.core.genserver.From;
import io.otpspring.core.genserver.GenServer;
import io.otpspring.core.genserver.Reply;
import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.ProcessContext;
import org.jspecify.annotations.Nullable;

/**
 * A key's process for the tests: counts. {@code "incr"} counts and saves, {@code "bump"} counts
 * without saving, {@code "get"} answers the count, {@code "node"} the node it runs on; it saves
 * when it stops.
 */
final class Counter implements GenServer {

    /** The saved state. */
    record Tally(int count) {
    }

    private final Checkpoint<Tally> checkpoint;
    private int count;
    private @Nullable ProcessContext self;

    Counter(String key, @Nullable Tally saved, Checkpoint<Tally> checkpoint) {
        this.checkpoint = checkpoint;
        this.count = saved == null ? 0 : saved.count();
    }

    @Override
    public void init(ProcessContext self) {
        this.self = self;
    }

    @Override
    public Reply handleCall(Object request, From from) {
        return Reply.of(switch ((String) request) {
            case "incr" -> {
                count++;
                checkpoint.save(new Tally(count));
                yield count;
            }
            case "bump" -> ++count;
            case "get" -> count;
            case "node" -> self.node().name();
            default -> throw new IllegalArgumentException(String.valueOf(request));
        });
    }

    @Override
    public void terminate(ExitReason reason) {
        checkpoint.save(new Tally(count));
    }
}
