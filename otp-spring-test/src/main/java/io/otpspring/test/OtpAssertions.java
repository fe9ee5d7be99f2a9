package io.otpspring.test;

import io.otpspring.core.process.Pid;
import io.otpspring.core.process.ProcessRef;
import io.otpspring.spring.process.StateMachineHandle;

/**
 * The entry point of the kit's AssertJ assertions; import it statically beside AssertJ's own
 * {@code assertThat}. Every assertion has an {@code eventually()} form that waits until it holds.
 *
 * <pre>{@code
 * assertThat(pid).eventually().isDead();
 * assertThatSupervisor(sup).eventually().child("worker").hasRestarted(1).isRunning();
 * assertThat(orderWorkflow).isInState(OrderState.PAID);
 * }</pre>
 */
public final class OtpAssertions {

    private OtpAssertions() {
    }

    /** Assertions on one incarnation of a process. */
    public static ProcessAssert assertThat(Pid pid) {
        return new ProcessAssert(pid, Eventually.NOW);
    }

    /**
     * Assertions on whatever holds {@code process} at each check: a process bean
     * ({@code node.named("pricing")}), a registry key ({@code registry.via(key)}), or a pid.
     */
    public static ProcessAssert assertThatProcess(ProcessRef process) {
        return new ProcessAssert(process, Eventually.NOW);
    }

    /** Assertions on a supervisor or dynamic supervisor (a pid, or a name resolved on every check). */
    public static SupervisorAssert assertThatSupervisor(ProcessRef supervisor) {
        return new SupervisorAssert(supervisor, Eventually.NOW);
    }

    /** Assertions on a state-machine bean, through its handle. */
    public static <S> StateMachineAssert<S> assertThat(StateMachineHandle<S> machine) {
        return new StateMachineAssert<>(machine, machine::state, machine::recentTransitions, Eventually.NOW);
    }

    /** Assertions on a core state machine, through the recorder it reports to. */
    public static <S> StateMachineAssert<S> assertThat(TransitionRecorder<S> machine) {
        return new StateMachineAssert<>(machine, machine::state, machine::changes, Eventually.NOW);
    }
}
