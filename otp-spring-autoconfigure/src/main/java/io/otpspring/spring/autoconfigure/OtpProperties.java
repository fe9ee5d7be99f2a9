package io.otpspring.spring.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.otpspring.core.mailbox.OverflowPolicy;
import io.otpspring.core.process.MailboxOnRestart;
import io.otpspring.core.supervision.RestartBackoff.WhileRestarting;
import io.otpspring.spring.process.BackoffSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Configuration of otp-spring's processes and supervisors ({@code otp.*}). */
@ConfigurationProperties(prefix = "otp")
public class OtpProperties {

    /** Name of this node; defaults to spring.application.name, or "otp". */
    private @Nullable String nodeName;

    /** How long a call through a process bean waits for its reply. */
    private Duration callTimeout = Duration.ofSeconds(5);

    /** What a restart does with the messages queued for the dead incarnation: keep them for the new one, or drop them. */
    private MailboxOnRestart mailboxOnRestart = MailboxOnRestart.KEEP;

    private final Restart restart = new Restart();

    private final Mailbox mailbox = new Mailbox();

    /** Per-process overrides, by bean name. */
    private final Map<String, ProcessOverrides> processes = new LinkedHashMap<>();

    public @Nullable String getNodeName() {
        return nodeName;
    }

    public void setNodeName(@Nullable String nodeName) {
        this.nodeName = nodeName;
    }

    public Duration getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    public MailboxOnRestart getMailboxOnRestart() {
        return mailboxOnRestart;
    }

    public void setMailboxOnRestart(MailboxOnRestart mailboxOnRestart) {
        this.mailboxOnRestart = mailboxOnRestart;
    }

    public Restart getRestart() {
        return restart;
    }

    public Mailbox getMailbox() {
        return mailbox;
    }

    public Map<String, ProcessOverrides> getProcesses() {
        return processes;
    }

    /** Default restart intensity of supervisors. */
    public static class Restart {

        /** Restarts a supervisor allows within the period before it gives up and escalates. */
        private int intensity = 3;

        /** Window of the restart intensity. */
        private Duration period = Duration.ofSeconds(5);

        /** Default restart backoff of every process bean; none unless its initial interval is set. */
        private final Backoff backoff = new Backoff();

        public Backoff getBackoff() {
            return backoff;
        }

        public int getIntensity() {
            return intensity;
        }

        public void setIntensity(int intensity) {
            this.intensity = intensity;
        }

        public Duration getPeriod() {
            return period;
        }

        public void setPeriod(Duration period) {
            this.period = period;
        }
    }

    /** Default mailbox of process beans. */
    public static class Mailbox {

        /** Most messages a mailbox holds; unbounded when not set. */
        private @Nullable Integer capacity;

        /** What a full mailbox does with a new message: reject the sender, drop the newest or drop the oldest. */
        private OverflowPolicy overflow = OverflowPolicy.REJECT;

        public @Nullable Integer getCapacity() {
            return capacity;
        }

        public void setCapacity(@Nullable Integer capacity) {
            this.capacity = capacity;
        }

        public OverflowPolicy getOverflow() {
            return overflow;
        }

        public void setOverflow(OverflowPolicy overflow) {
            this.overflow = overflow;
        }
    }

    /** Overrides for one process bean; unset values fall back to the defaults above. */
    public static class ProcessOverrides {

        /** How long a call through this process bean waits for its reply. */
        private @Nullable Duration callTimeout;

        /** What a restart of this process does with the messages queued for its dead incarnation. */
        private @Nullable MailboxOnRestart mailboxOnRestart;

        /** Most messages this process's mailbox holds. */
        private @Nullable Integer mailboxCapacity;

        /** What this process's full mailbox does with a new message. */
        private @Nullable OverflowPolicy mailboxOverflow;

        /** Most processes a prototype process bean runs at once, one per key; unlimited when not set. */
        private @Nullable Integer maxChildren;

        /** Resilience4j circuit breaker instance guarding calls to this process; empty: none, whatever the annotation says. */
        private @Nullable String circuitBreaker;

        /** Restart backoff of this process; none unless its initial interval is set. */
        private final Backoff restartBackoff = new Backoff();

        public @Nullable String getCircuitBreaker() {
            return circuitBreaker;
        }

        public void setCircuitBreaker(@Nullable String circuitBreaker) {
            this.circuitBreaker = circuitBreaker;
        }

        public Backoff getRestartBackoff() {
            return restartBackoff;
        }

        public @Nullable Integer getMaxChildren() {
            return maxChildren;
        }

        public void setMaxChildren(@Nullable Integer maxChildren) {
            this.maxChildren = maxChildren;
        }

        public @Nullable Duration getCallTimeout() {
            return callTimeout;
        }

        public void setCallTimeout(@Nullable Duration callTimeout) {
            this.callTimeout = callTimeout;
        }

        public @Nullable MailboxOnRestart getMailboxOnRestart() {
            return mailboxOnRestart;
        }

        public void setMailboxOnRestart(@Nullable MailboxOnRestart mailboxOnRestart) {
            this.mailboxOnRestart = mailboxOnRestart;
        }

        public @Nullable Integer getMailboxCapacity() {
            return mailboxCapacity;
        }

        public void setMailboxCapacity(@Nullable Integer mailboxCapacity) {
            this.mailboxCapacity = mailboxCapacity;
        }

        public @Nullable OverflowPolicy getMailboxOverflow() {
            return mailboxOverflow;
        }

        public void setMailboxOverflow(@Nullable OverflowPolicy mailboxOverflow) {
            this.mailboxOverflow = mailboxOverflow;
        }
    }

    /** An exponential restart backoff with jitter (Resilience4j's IntervalFunction). */
    public static class Backoff {

        /** First delay before a restart; no backoff when not set. */
        private @Nullable Duration initialInterval;

        /** How much each delay grows over the one before. */
        private double multiplier = 2.0;

        /** How much a delay may vary at random, as a share of it (from 0, none, to below 1). */
        private double randomizationFactor = 0.5;

        /** Longest delay. */
        private Duration maxInterval = Duration.ofSeconds(30);

        /** How long an incarnation must run for its next crash to count as the first again. */
        private Duration resetAfter = Duration.ofMinutes(1);

        /** What becomes of calls while the process waits to restart. */
        private WhileRestarting whileRestarting = WhileRestarting.FAIL_CALLS;

        /** These settings, or {@code null} when no initial interval is set. */
        @Nullable BackoffSettings toSettings() {
            return initialInterval == null ? null : new BackoffSettings(initialInterval, multiplier,
                    randomizationFactor, maxInterval, resetAfter, whileRestarting);
        }

        public @Nullable Duration getInitialInterval() {
            return initialInterval;
        }

        public void setInitialInterval(@Nullable Duration initialInterval) {
            this.initialInterval = initialInterval;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public double getRandomizationFactor() {
            return randomizationFactor;
        }

        public void setRandomizationFactor(double randomizationFactor) {
            this.randomizationFactor = randomizationFactor;
        }

        public Duration getMaxInterval() {
            return maxInterval;
        }

        public void setMaxInterval(Duration maxInterval) {
            this.maxInterval = maxInterval;
        }

        public Duration getResetAfter() {
            return resetAfter;
        }

        public void setResetAfter(Duration resetAfter) {
            this.resetAfter = resetAfter;
        }

        public WhileRestarting getWhileRestarting() {
            return whileRestarting;
        }

        public void setWhileRestarting(WhileRestarting whileRestarting) {
            this.whileRestarting = whileRestarting;
        }
    }
}
