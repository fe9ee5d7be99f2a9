package io.otpspring.spring.autoconfigure;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.otpspring.core.mailbox.MailboxSpec;
import io.otpspring.core.mailbox.OverflowPolicy;
import io.otpspring.core.process.MailboxOnRestart;
import io.otpspring.core.supervision.DynamicSupervisorSpec;
import io.otpspring.spring.process.BackoffSettings;
import io.otpspring.spring.process.ProcessSettings;
import org.jspecify.annotations.Nullable;

/** {@link ProcessSettings} read from {@link OtpProperties}: {@code otp.processes.<name>.*} over the defaults. */
final class PropertiesProcessSettings implements ProcessSettings {

    private final OtpProperties properties;

    PropertiesProcessSettings(OtpProperties properties) {
        this.properties = properties;
    }

    @Override
    public Duration callTimeout(String name) {
        return override(name, OtpProperties.ProcessOverrides::getCallTimeout, properties.getCallTimeout());
    }

    @Override
    public MailboxSpec mailbox(String name) {
        Integer capacity = override(name, OtpProperties.ProcessOverrides::getMailboxCapacity, properties.getMailbox().getCapacity());
        OverflowPolicy overflow = override(name, OtpProperties.ProcessOverrides::getMailboxOverflow,
                properties.getMailbox().getOverflow());
        return capacity == null ? MailboxSpec.unbounded() : MailboxSpec.bounded(capacity, overflow);
    }

    @Override
    public MailboxOnRestart mailboxOnRestart(String name) {
        return override(name, OtpProperties.ProcessOverrides::getMailboxOnRestart, properties.getMailboxOnRestart());
    }

    @Override
    public int maxChildren(String name) {
        return override(name, OtpProperties.ProcessOverrides::getMaxChildren, DynamicSupervisorSpec.UNLIMITED);
    }

    @Override
    public @Nullable BackoffSettings restartBackoff(String name, @Nullable BackoffSettings annotated) {
        OtpProperties.ProcessOverrides process = overridesOf(name);
        BackoffSettings configured = process == null ? null : process.getRestartBackoff().toSettings();
        if (configured != null) {
            return configured;
        }
        return annotated != null ? annotated : properties.getRestart().getBackoff().toSettings();
    }

    @Override
    public @Nullable String circuitBreaker(String name, @Nullable String annotated) {
        OtpProperties.ProcessOverrides process = overridesOf(name);
        String configured = process == null ? null : process.getCircuitBreaker();
        if (configured == null) {
            return annotated;
        }
        // set empty to switch off the annotation's breaker
        return configured.isBlank() ? null : configured;
    }

    @Override
    public int intensity() {
        return properties.getRestart().getIntensity();
    }

    @Override
    public Duration period() {
        return properties.getRestart().getPeriod();
    }

    private <T> T override(String name, Function<OtpProperties.ProcessOverrides, @Nullable T> setting, T fallback) {
        OtpProperties.ProcessOverrides process = overridesOf(name);
        T value = process == null ? null : setting.apply(process);
        return value != null ? value : fallback;
    }

    /**
     * The overrides of process {@code name}: under its bean name as written, or else under a key
     * that differs only in case, dashes and underscores, as environment variables bind it
     * ({@code OTP_PROCESSES_PRICEBOOK_CALLTIMEOUT} for bean {@code priceBook}) or kebab case writes it.
     */
    private OtpProperties.@Nullable ProcessOverrides overridesOf(String name) {
        Map<String, OtpProperties.ProcessOverrides> processes = properties.getProcesses();
        OtpProperties.ProcessOverrides exact = processes.get(name);
        if (exact != null) {
            return exact;
        }
        String loose = loose(name);
        for (Map.Entry<String, OtpProperties.ProcessOverrides> entry : processes.entrySet()) {
            if (loose(entry.getKey()).equals(loose)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String loose(String name) {
        return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
