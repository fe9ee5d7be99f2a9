package io.otpspring.spring.actuate.endpoint;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;

/**
 * Shows application values (registry values, state-machine states) as {@code otp.actuator.show-values}
 * says, passing them through the application's {@code SanitizingFunction}s as Boot's own endpoints do.
 */
public final class ValueSanitizer {

    private final Sanitizer sanitizer;
    private final Show show;
    private final Set<String> roles;

    public ValueSanitizer(Sanitizer sanitizer, Show show, Set<String> roles) {
        this.sanitizer = sanitizer;
        this.show = show;
        this.roles = Set.copyOf(roles);
    }

    /** {@code value} as text, or {@link SanitizableData#SANITIZED_VALUE} when it must not be shown. */
    @Nullable
    String sanitize(String key, @Nullable Object value, SecurityContext security) {
        if (value == null) {
            return null;
        }
        Object shown = sanitizer.sanitize(new SanitizableData(null, key, String.valueOf(value)),
                show.isShown(security, roles));
        return String.valueOf(shown);
    }
}
