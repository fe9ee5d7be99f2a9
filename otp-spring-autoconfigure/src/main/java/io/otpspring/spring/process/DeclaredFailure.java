package io.otpspring.spring.process;

/**
 * The reply of a call whose method threw an exception it declares: a business error for the
 * caller, rethrown there as is, while the process lives on.
 */
record DeclaredFailure(Throwable exception) {
}
