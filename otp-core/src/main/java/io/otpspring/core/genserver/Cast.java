package io.otpspring.core.genserver;

/** The envelope of a cast. */
record Cast(Object message) {
}
