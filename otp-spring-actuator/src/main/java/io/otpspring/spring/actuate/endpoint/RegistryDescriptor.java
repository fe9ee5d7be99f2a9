package io.otpspring.spring.actuate.endpoint;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * {@code GET /actuator/otp/registry}: every registry namespace of the application.
 *
 * @param namespaces each namespace by name
 */
public record RegistryDescriptor(Map<String, Namespace> namespaces) implements OperationResponseBody {

    /**
     * One namespace.
     *
     * @param keys {@code unique} or {@code duplicate}
     * @param count its live entries, all of them
     * @param entries a page of them, at most {@code otp.actuator.page-size}
     * @param truncated whether {@code entries} leaves some out
     */
    public record Namespace(String keys, int count, List<Entry> entries, boolean truncated) {
    }

    /**
     * One entry.
     *
     * @param key its key
     * @param pid the process holding it
     * @param value its value, sanitized unless {@code otp.actuator.show-values} allows
     */
    public record Entry(String key, String pid, @Nullable String value) {
    }
}
