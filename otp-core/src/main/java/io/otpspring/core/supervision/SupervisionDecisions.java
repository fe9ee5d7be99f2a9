package io.otpspring.core.supervision;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.otpspring.core.process.ExitReason;

/**
 * The supervisor's decisions as pure functions over plain data, following Erlang's
 * {@code supervisor.erl}: which children to stop and start when one exits, and in which order.
 * The process that carries them out is {@link Supervisor}; these functions touch no process and
 * no clock.
 */
public final class SupervisionDecisions {

    private SupervisionDecisions() {
    }

    /**
     * Decides what to do when child {@code exitedId} exits with {@code reason}.
     *
     * @param children every child in start order, as they were just before the exit
     */
    public static ExitDecision onChildExit(Strategy strategy, AutoShutdown autoShutdown, List<ChildState> children,
            String exitedId, ExitReason reason) {
        int index = indexOf(children, exitedId);
        ChildState exited = children.get(index);
        if (exited.restart().restartsAfter(reason)) {
            return restart(strategy, children, index);
        }
        ExitDecision forget = exited.restart() == Restart.TEMPORARY
                ? new ExitDecision.RemoveChild(exitedId) : new ExitDecision.KeepTerminated(exitedId);
        if (exited.significant() && triggersAutoShutdown(autoShutdown, children, exitedId)) {
            return new ExitDecision.ShutDownSupervisor(ExitReason.SHUTDOWN, forget);
        }
        return forget;
    }

    private static ExitDecision restart(Strategy strategy, List<ChildState> children, int index) {
        ChildState exited = children.get(index);
        List<ChildState> affected = switch (strategy) {
            case ONE_FOR_ONE -> List.of(exited);
            case ONE_FOR_ALL -> children;
            case REST_FOR_ONE -> children.subList(index, children.size());
            case DEPENDENTS_FOR_ONE -> withDependents(children, index);
        };
        List<String> stop = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        List<String> start = new ArrayList<>();
        for (int i = affected.size() - 1; i >= 0; i--) {
            ChildState child = affected.get(i);
            if (child.running() && child != exited) {
                stop.add(child.id());
            }
        }
        for (ChildState child : affected) {
            if (child.restart() == Restart.TEMPORARY && child != exited) {
                remove.add(child.id());
            }
            else {
                start.add(child.id());
            }
        }
        return new ExitDecision.RestartChildren(stop, remove, start);
    }

    /**
     * The child at {@code index} and, in start order, every later child depending on it directly
     * or through other dependents. Children depend only on earlier ones, so one pass finds them all.
     */
    private static List<ChildState> withDependents(List<ChildState> children, int index) {
        List<ChildState> affected = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        affected.add(children.get(index));
        ids.add(children.get(index).id());
        for (ChildState child : children.subList(index + 1, children.size())) {
            if (child.dependsOn().stream().anyMatch(ids::contains)) {
                affected.add(child);
                ids.add(child.id());
            }
        }
        return affected;
    }

    private static boolean triggersAutoShutdown(AutoShutdown autoShutdown, List<ChildState> children, String exitedId) {
        return switch (autoShutdown) {
            case NEVER -> false;
            case ANY_SIGNIFICANT -> true;
            case ALL_SIGNIFICANT -> children.stream()
                    .filter(child -> child.significant() && !child.id().equals(exitedId))
                    .noneMatch(ChildState::running);
        };
    }

    /** The order in which a stopping supervisor stops its running children: reverse start order. */
    public static List<String> stopOrder(List<ChildState> children) {
        List<String> order = new ArrayList<>();
        for (int i = children.size() - 1; i >= 0; i--) {
            if (children.get(i).running()) {
                order.add(children.get(i).id());
            }
        }
        return order;
    }

    private static int indexOf(List<ChildState> children, String id) {
        Objects.requireNonNull(id, "id");
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no child '" + id + "' among " + children);
    }
}
