package io.otpspring.spring.actuate.autoconfigure;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How the {@code otp} endpoint, health contributor and observer page present the process tree. */
@ConfigurationProperties(prefix = "otp.actuator")
public class OtpActuatorProperties {

    /**
     * When to show values (registry values, state-machine states) unsanitized; otherwise they appear
     * as "******". User SanitizingFunction beans apply either way.
     */
    private Show showValues = Show.NEVER;

    /** Roles allowed to see unsanitized values when show-values is when-authorized; empty means any authenticated user. */
    private Set<String> roles = new HashSet<>();

    /** Most children listed per dynamic supervisor, and most entries per registry namespace. */
    private int pageSize = 100;

    /** How long to wait for a supervisor's report before showing it as unresponsive. */
    private Duration reportTimeout = Duration.ofSeconds(2);

    /** How long a restart requested through the endpoint waits for the supervisor to stop and start the process. */
    private Duration actionTimeout = Duration.ofSeconds(30);

    private final Health health = new Health();

    private final Observer observer = new Observer();

    public Show getShowValues() {
        return showValues;
    }

    public void setShowValues(Show showValues) {
        this.showValues = showValues;
    }

    public Set<String> getRoles() {
        return roles;
    }

    public void setRoles(Set<String> roles) {
        this.roles = roles;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        if (pageSize < 0) {
            throw new IllegalArgumentException("otp.actuator.page-size must not be negative, was " + pageSize);
        }
        this.pageSize = pageSize;
    }

    public Duration getReportTimeout() {
        return reportTimeout;
    }

    public void setReportTimeout(Duration reportTimeout) {
        this.reportTimeout = reportTimeout;
    }

    public Duration getActionTimeout() {
        return actionTimeout;
    }

    public void setActionTimeout(Duration actionTimeout) {
        this.actionTimeout = actionTimeout;
    }

    public Health getHealth() {
        return health;
    }

    public Observer getObserver() {
        return observer;
    }

    /** The {@code otp} health contributor. */
    public static class Health {

        /**
         * Share of a supervisor's restart intensity at which it reports OUT_OF_SERVICE: with the
         * default 1.0, a supervisor one crash away from giving up. Above 1 it never does.
         */
        private double restartThreshold = 1.0;

        public double getRestartThreshold() {
            return restartThreshold;
        }

        public void setRestartThreshold(double restartThreshold) {
            if (restartThreshold <= 0) {
                throw new IllegalArgumentException(
                        "otp.actuator.health.restart-threshold must be positive, was " + restartThreshold);
            }
            this.restartThreshold = restartThreshold;
        }
    }

    /** The observer page. */
    public static class Observer {

        /** Whether to serve the observer page at /otp/observer in a servlet web application. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
