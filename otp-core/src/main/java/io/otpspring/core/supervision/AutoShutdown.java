package io.otpspring.core.supervision;

/** When a supervisor stops by itself because its significant children have exited (OTP 24+). */
public enum AutoShutdown {

    /** Never: significant children are not allowed. */
    NEVER,

    /** When any significant child exits without being restarted. */
    ANY_SIGNIFICANT,

    /** When every significant child has exited without being restarted. */
    ALL_SIGNIFICANT
}
