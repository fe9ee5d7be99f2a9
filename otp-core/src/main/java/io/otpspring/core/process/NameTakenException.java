package io.otpspring.core.process;

/** Thrown when a name is registered while another process already holds it. */
public class NameTakenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Pid holder;

    public NameTakenException(String name, Pid holder) {
        super("name '" + name + "' is already registered to " + holder);
        this.holder = holder;
    }

    /** The process that holds the name (it may be a dead incarnation its supervisor is restarting). */
    public Pid holder() {
        return holder;
    }
}
