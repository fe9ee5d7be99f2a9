package io.otpspring.cluster.spring;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when the application has no Hazelcast config file of its own: no
 * {@code spring.hazelcast.config}, no {@code hazelcast.config} system property and no
 * {@code hazelcast.xml}/{@code .yaml}/{@code .yml} in the working directory or at the root of the
 * class path (where Spring Boot would find one).
 */
class NoHazelcastConfigFile extends SpringBootCondition {

    private static final String[] FILES = { "hazelcast.xml", "hazelcast.yaml", "hazelcast.yml" };

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        if (StringUtils.hasText(context.getEnvironment().getProperty("spring.hazelcast.config"))) {
            return ConditionOutcome.noMatch("spring.hazelcast.config is set");
        }
        if (System.getProperty("hazelcast.config") != null) {
            return ConditionOutcome.noMatch("the hazelcast.config system property is set");
        }
        ResourceLoader resources = context.getResourceLoader();
        for (String file : FILES) {
            for (String location : new String[] { "file:./" + file, "classpath:/" + file }) {
                if (resources.getResource(location).exists()) {
                    return ConditionOutcome.noMatch("found " + location);
                }
            }
        }
        return ConditionOutcome.match("no Hazelcast config file");
    }
}
