package io.otpspring.core.telemetry;

/** How a message reached its handler: the GenServer protocol's three kinds. */
public enum MessageKind {

    /** A request whose sender waits for the reply. */
    CALL("call"),

    /** A request sent without waiting. */
    CAST("cast"),

    /** Any other message: plain sends, timers, {@code Down} and {@code Exit} notices. */
    INFO("info");

    private final String tagValue;

    MessageKind(String tagValue) {
        this.tagValue = tagValue;
    }

    /** The lower-case name used as a tag value: {@code call}, {@code cast}, {@code info}. */
    public String tagValue() {
        return tagValue;
    }
}
