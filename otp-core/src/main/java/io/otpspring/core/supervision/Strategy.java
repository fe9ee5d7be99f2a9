package io.otpspring.core.supervision;

/** Which children a supervisor restarts when one of them exits and must be restarted. */
public enum Strategy {

    /** Only the child that exited. */
    ONE_FOR_ONE,

    /** Every child: the others are stopped (in reverse start order), then all start again in order. */
    ONE_FOR_ALL,

    /** The child that exited and every child started after it. */
    REST_FOR_ONE,

    /**
     * The child that exited and every child that depends on it, directly or transitively
     * ({@link ChildSpec#withDependsOn}): {@code REST_FOR_ONE} generalised from a list to a
     * dependency graph. A child nothing depends on restarts alone, as with {@code ONE_FOR_ONE}.
     */
    DEPENDENTS_FOR_ONE
}
