package io.otpspring.core.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
        if (strategy == Strategy.ONE_FOR_ONE) {
            return new ExitDecision.RestartChildren(List.of(), List.of(), List.of(children.get(index).id()));
        }
        int first = strategy == Strategy.ONE_FOR_ALL ? 0 : index;
        List<ChildState> affected = children.subList(first, children.size());
        List<String> stop = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        List<String> start = new ArrayList<>();
        for (int i = affected.size() - 1; i >= 0; i--) {
            ChildState child = affected.get(i);
            if (child.running() && i != index - first) {
                stop.add(child.id());
            }
        }
        for (ChildState child : affected) {
            if (child.restart() == Restart.TEMPORARY && child != children.get(index)) {
                remove.add(child.id());
            }
            else {
                start.add(child.id());
            }
        }
        return new ExitDecision.RestartChildren(stop, remove, start);
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
