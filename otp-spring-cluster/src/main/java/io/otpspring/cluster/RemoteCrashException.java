package io.otpspring.cluster;

/**
 * Stands for the exception that crashed a process on another node, in an exit reason that crossed
 * the network: the exception itself stays there; its class name and message come here.
 */
public final class RemoteCrashException extends RuntimeException {

    private final String exceptionClass;

    public RemoteCrashException(String exceptionClass, String message) {
        super(exceptionClass + ": " + message, null, false, false);
        this.exceptionClass = exceptionClass;
    }

    /** The name of the class of the exception that crashed the process. */
    public String exceptionClass() {
        return exceptionClass;
    }
}
